/**
 * The notification service: sends each customer notification once per dedup key, logged or emailed through SMTP
 * ({@link dev.oms.notification.NotificationSettings}; docs/email.md).
 */
package dev.oms.notification;
