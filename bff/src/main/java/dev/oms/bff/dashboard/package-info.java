/** The operators' dashboard at /dashboard, its data, the SLOs it shows, and the business meters derived from the read side. */
package dev.oms.bff.dashboard;
