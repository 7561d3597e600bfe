package dev.oms.bff.catalog;

/** Relay's page info; the BFF pages forward only. */
record PageInfo(boolean hasNextPage, String endCursor) {}
