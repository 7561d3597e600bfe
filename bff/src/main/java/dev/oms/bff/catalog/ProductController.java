package dev.oms.bff.catalog;

import dev.oms.bff.graphql.BadArgumentException;
import dev.oms.projections.api.ProductPage;
import dev.oms.projections.api.ProductQueries;
import dev.oms.projections.api.ProductView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ProductController {
    static final int DEFAULT_PAGE_SIZE = 20;

    private final ProductQueries products;

    ProductController(ProductQueries products) {
        this.products = products;
    }

    @QueryMapping
    ProductPage products(@Argument Integer first, @Argument String after) {
        int size = first == null ? DEFAULT_PAGE_SIZE : first;
        if (size < 0 || size > ProductQueries.MAX_PAGE_SIZE) {
            throw new BadArgumentException("first must be between 0 and " + ProductQueries.MAX_PAGE_SIZE);
        }
        return products.products(size, after);
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
