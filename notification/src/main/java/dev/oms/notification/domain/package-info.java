/**
 * Pure notification logic: which notifications count as the same one, the identities derived from that, and the
 * customer emails (templates, HTML escaping, money formatting, the recipient rule).
 */
package dev.oms.notification.domain;
