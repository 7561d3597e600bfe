/** The invariant checker: what must hold across every service's data after any failure (oms doctor --invariants). */
package dev.oms.app.invariants;
