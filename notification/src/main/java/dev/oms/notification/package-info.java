/** The notification service: sends each customer notification once per dedup key. */
package dev.oms.notification;
