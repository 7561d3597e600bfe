package dev.oms.bff;

/** What GraphiQL asks of a server when it opens: the whole schema, with type references nine levels deep. */
final class GraphiQl {
    private static final String TYPE_REF = "kind name " + "ofType { kind name ".repeat(9) + "}".repeat(9);

    static final String INTROSPECTION_QUERY = """
            query IntrospectionQuery {
              __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description locations args(includeDeprecated: true) { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description
              fields(includeDeprecated: true) {
                name description args(includeDeprecated: true) { ...InputValue }
                type { ...TypeRef } isDeprecated deprecationReason
              }
              inputFields(includeDeprecated: true) { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue {
              name description type { ...TypeRef } defaultValue isDeprecated deprecationReason
            }
            fragment TypeRef on __Type { %s }""".formatted(TYPE_REF);

    private GraphiQl() {}
}
