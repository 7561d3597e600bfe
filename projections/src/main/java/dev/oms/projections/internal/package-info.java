/** Plumbing shared by the projections: routing events by type, the handler pipeline, keyset cursors, JDBC helpers. */
package dev.oms.projections.internal;
