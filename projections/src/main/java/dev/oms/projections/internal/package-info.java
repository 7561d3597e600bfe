/** Plumbing shared by the projections: routing events by type to typed handlers, JDBC helpers. */
package dev.oms.projections.internal;
