/** Returns through GraphQL: customers request and withdraw them, operators receive them. */
package dev.oms.bff.returns;
