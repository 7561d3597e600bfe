/** What the services registered about the message schemas they produce and consume, and whether they fit. */
package dev.oms.app.contracts;
