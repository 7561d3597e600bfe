/** The warehouse floor through GraphQL: operators hold, release and ship shipments (partial fulfillment). */
package dev.oms.bff.shipments;
