/** The audit log: every message on the bus appended by its own consumer, and read back in order for replay. */
package dev.oms.audit;
