/** The message envelope, the registry of message types and the Kafka channel names every service shares. */
package dev.oms.contracts;
