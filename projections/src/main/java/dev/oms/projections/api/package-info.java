/** The read API of the projections: query interfaces and the view records the BFF renders. */
package dev.oms.projections.api;
