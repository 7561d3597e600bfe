/** The oms command line: up, service and the other verbs. */
package dev.oms.app;
