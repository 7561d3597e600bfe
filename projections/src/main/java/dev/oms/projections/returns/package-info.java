/** The returns read model: each return of an order with its lines and refund, from ReturnStatusChanged. */
package dev.oms.projections.returns;
