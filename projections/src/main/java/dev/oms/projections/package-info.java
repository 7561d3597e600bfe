/** The projections service: CQRS read models kept from the event topic, queried by the BFF. */
package dev.oms.projections;
