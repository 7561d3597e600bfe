/** Rebuilding a projection from the audit log into fresh tables, swapped in atomically while traffic flows. */
package dev.oms.projections.replay;
