/** Undo-plan previews: what cancelling or returning would do, before it is asked for. */
package dev.oms.bff.plans;
