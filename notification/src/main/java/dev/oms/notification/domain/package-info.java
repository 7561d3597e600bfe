/** Pure notification logic: which notifications count as the same one. */
package dev.oms.notification.domain;
