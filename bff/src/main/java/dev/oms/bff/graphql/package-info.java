/** GraphQL plumbing shared by the features: custom scalars, the mapping of exceptions to GraphQL errors, and the spans that open a saga's trace. */
package dev.oms.bff.graphql;
