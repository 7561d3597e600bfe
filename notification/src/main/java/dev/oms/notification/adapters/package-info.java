/**
 * The JDBC tables (notifications, their send intents), the channels (development log, SMTP email) and the command
 * handler of the notification service.
 */
package dev.oms.notification.adapters;
