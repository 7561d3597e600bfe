package dev.oms.bff.graphql;

/** Relay's page info; the BFF pages forward only. */
public record PageInfo(boolean hasNextPage, String endCursor) {}
