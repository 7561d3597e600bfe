/** The JDBC table, the development log channel and the command handler of the notification service. */
package dev.oms.notification.adapters;
