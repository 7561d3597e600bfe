/** Assembles the platform: database, broker, every service, the BFF; all in one JVM or one service alone. */
package dev.oms.app.platform;
