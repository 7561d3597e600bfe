/** Public types of the notification service: a notification and the channel interface that delivers it. */
package dev.oms.notification.api;
