package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@GraphQlApiTest
class ProductsApiIT {
    private static final String PAGE = """
            query Page($first: Int, $after: String) {
              products(first: $first, after: $after) {
                edges { cursor node { sku name price { amount currency } available } }
                pageInfo { hasNextPage endCursor }
                totalCount
              }
            }""";

    @Autowired
    HttpGraphQlTester graphQl;

    private GraphQlTester.Response page(Integer first, String after) {
        return graphQl.document(PAGE).variable("first", first).variable("after", after).execute();
    }

    @Test
    void pagesThroughTheWholeCatalogWithCursors() {
        List<String> skus = new ArrayList<>();
        String after = null;
        boolean hasNextPage = true;
        while (hasNextPage) {
            GraphQlTester.Response response = page(2, after);
            response.path("products.totalCount").entity(Integer.class).isEqualTo(5);
            skus.addAll(response.path("products.edges[*].node.sku").entityList(String.class).get());
            hasNextPage = response.path("products.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = response.path("products.pageInfo.endCursor").entity(String.class).get();
        }

        assertThat(skus).containsExactly("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5");
    }

    @Test
    void returnsTwentyProductsWhenFirstIsLeftOut() {
        page(null, null).path("products.edges").entityList(Object.class).hasSize(5)
                .path("products.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void givesPricesInMinorUnitsBeyondTheRangeOfInt() {
        graphQl.document("{ product(sku: \"SKU-4\") { name price { amount currency } available } }").execute()
                .path("product.name").entity(String.class).isEqualTo("Drill")
                .path("product.price.amount").entity(Long.class).isEqualTo(12_000_000_000L)
                .path("product.price.currency").entity(String.class).isEqualTo("EUR")
                .path("product.available").entity(Long.class).isEqualTo(3L);
    }

    @Test
    void returnsNullForAnUnknownSku() {
        graphQl.document("{ product(sku: \"NOPE\") { sku } }").execute().path("product").valueIsNull();
    }

    @Test
    void refusesAPageSizeOutsideZeroToAHundred() {
        for (int first : new int[] {-1, 101}) {
            page(first, null).errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
                assertThat(error.getMessage()).isEqualTo("first must be between 0 and 100");
                assertThat(error.getPath()).isEqualTo("products");
            }));
        }
    }

    @Test
    void reportsACursorItDidNotHandOutAsABadRequest() {
        page(2, "%%%").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
    }

    @Test
    void searchesProductsBySkuOrNameForAnyone() {
        graphQl.document("{ products(query: \"DRILL\") { edges { node { sku name } } totalCount } }").execute()
                .path("products.edges[*].node.sku").entityList(String.class).containsExactly("SKU-4")
                .path("products.totalCount").entity(Integer.class).isEqualTo(1);
    }
}
