/** GraphQL plumbing shared by the features: custom scalars and the mapping of exceptions to GraphQL errors. */
package dev.oms.bff.graphql;
