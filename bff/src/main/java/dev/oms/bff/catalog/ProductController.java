package dev.oms.bff.catalog;

import dev.oms.bff.graphql.PageInfo;
import dev.oms.bff.graphql.Paging;
import dev.oms.projections.api.ProductPage;
import dev.oms.projections.api.ProductQueries;
import dev.oms.projections.api.ProductView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The catalog is public: anyone, signed in or not, may browse and search it. */
@Controller
class ProductController {
    private final ProductQueries products;

    ProductController(ProductQueries products) {
        this.products = products;
    }

    @QueryMapping
    ProductPage products(@Argument Integer first, @Argument String after, @Argument String query) {
        return products.products(Paging.size(first), after, query);
    }

    @QueryMapping
    ProductView product(@Argument String sku) {
        return products.product(sku).orElse(null);
    }

    @SchemaMapping(typeName = "ProductConnection")
    PageInfo pageInfo(ProductPage page) {
        return new PageInfo(page.hasNextPage(), page.endCursor());
    }
}
