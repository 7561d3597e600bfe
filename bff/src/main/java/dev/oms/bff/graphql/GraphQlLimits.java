package dev.oms.bff.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one GraphQL request may ask for ({@code oms.graphql.*}). The depth leaves room for GraphiQL's introspection
 * query (14 levels); complexity counts a field as one plus its selection, a paged field's selection once per item
 * it may return.
 *
 * @param maxDepth the deepest field nesting a query may reach
 * @param maxComplexity the most field resolutions a query may cost
 * @param maxRequestSize the largest request body; a larger one gets 413 before it is read
 */
@ConfigurationProperties("oms.graphql")
public record GraphQlLimits(
        @DefaultValue("15") int maxDepth,
        @DefaultValue("2000") int maxComplexity,
        @DefaultValue("1MB") DataSize maxRequestSize) {}
