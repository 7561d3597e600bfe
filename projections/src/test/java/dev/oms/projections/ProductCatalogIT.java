package dev.oms.projections;

import static dev.oms.projections.Events.listed;
import static dev.oms.projections.Events.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.projections.api.InvalidCursorException;
import dev.oms.projections.api.Money;
import dev.oms.projections.api.ProductEdge;
import dev.oms.projections.api.ProductPage;
import dev.oms.projections.api.ProductView;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductCatalogIT {
    private ProjectionsFixture projections;

    @BeforeEach
    void freshDatabase() {
        projections = new ProjectionsFixture();
    }

    @AfterEach
    void close() {
        projections.close();
    }

    @Test
    void pagesThroughProductsInSkuOrder() {
        for (String sku : List.of("SKU-E", "SKU-A", "SKU-D", "SKU-C", "SKU-B")) {
            projections.apply(sku, listed(sku, "Product " + sku, 1_000));
        }

        ProductPage first = projections.service.products().products(2, null);
        ProductPage second = projections.service.products().products(2, first.endCursor());
        ProductPage last = projections.service.products().products(2, second.endCursor());

        assertThat(skus(first)).containsExactly("SKU-A", "SKU-B");
        assertThat(skus(second)).containsExactly("SKU-C", "SKU-D");
        assertThat(skus(last)).containsExactly("SKU-E");
        assertThat(List.of(first, second, last)).extracting(ProductPage::hasNextPage).containsExactly(true, true, false);
        assertThat(List.of(first, second, last)).extracting(ProductPage::totalCount).containsOnly(5);
        assertThat(last.endCursor()).isEqualTo(last.edges().get(0).cursor());
    }

    @Test
    void tellsWhetherMoreFollowOnAnEmptyPage() {
        projections.apply("SKU-A", listed("SKU-A", "Anvil", 1_000));

        ProductPage page = projections.service.products().products(0, null);

        assertThat(page.edges()).isEmpty();
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.totalCount()).isEqualTo(1);
    }

    private static List<String> skus(ProductPage page) {
        return page.edges().stream().map(edge -> edge.node().sku()).toList();
    }

    @Test
    void returnsAnEmptyPageAfterTheLastProduct() {
        projections.apply("SKU-A", listed("SKU-A", "Anvil", 1_000));
        ProductEdge only = projections.service.products().products(10, null).edges().get(0);

        ProductPage after = projections.service.products().products(10, only.cursor());

        assertThat(after.edges()).isEmpty();
        assertThat(after.hasNextPage()).isFalse();
        assertThat(after.endCursor()).isNull();
        assertThat(after.totalCount()).isEqualTo(1);
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        assertThatThrownBy(() -> projections.service.products().products(2, "not-a-cursor"))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void sumsAvailabilityOverWarehousesEvenForStockReportedBeforeTheListing() {
        projections.apply("SKU-A", stock("SKU-A", "berlin", 10, 3), stock("SKU-A", "lyon", 5, 0));
        assertThat(projections.service.products().product("SKU-A")).isEmpty();

        projections.apply("SKU-A", listed("SKU-A", "Anvil", 4_999));
        assertThat(projections.service.products().product("SKU-A"))
                .contains(new ProductView("SKU-A", "Anvil", new Money(4_999, "EUR"), 12));

        projections.apply("SKU-A", stock("SKU-A", "lyon", 5, 4), listed("SKU-A", "Anvil, heavy", 5_499));
        assertThat(projections.service.products().product("SKU-A"))
                .contains(new ProductView("SKU-A", "Anvil, heavy", new Money(5_499, "EUR"), 8));
    }

    @Test
    void searchesSkuAndNameIgnoringCaseAndPagesThroughTheMatches() {
        projections.apply("SKU-A", listed("SKU-A", "Anvil", 1_000));
        projections.apply("SKU-B", listed("SKU-B", "Bellows", 1_000));
        projections.apply("SKU-C", listed("SKU-C", "Small anvil", 1_000));
        projections.apply("ANV-9", listed("ANV-9", "Hammer", 1_000));

        ProductPage first = projections.service.products().products(2, null, "anv");
        ProductPage rest = projections.service.products().products(2, first.endCursor(), "anv");

        assertThat(skus(first)).containsExactly("ANV-9", "SKU-A");
        assertThat(skus(rest)).containsExactly("SKU-C");
        assertThat(first.totalCount()).isEqualTo(3);
        assertThat(rest.hasNextPage()).isFalse();
    }

    @Test
    void searchesForWildcardsLiterally() {
        projections.apply("SKU-A", listed("SKU-A", "Anvil", 1_000));
        projections.apply("SKU_B", listed("SKU_B", "Bellows", 1_000));

        assertThat(skus(projections.service.products().products(10, null, "_"))).containsExactly("SKU_B");
        assertThat(projections.service.products().products(10, null, "%").totalCount()).isZero();
        assertThat(projections.service.products().products(10, null, " ").totalCount()).isEqualTo(2);
    }
}
