/** Helpers for tests of services built on the messaging core: drive a handler, read what it emitted. */
package dev.oms.messaging.testing;
