/** The GraphQL backend-for-frontend: reads from the projections, writes through the services' command APIs. */
package dev.oms.bff;
