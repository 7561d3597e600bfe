package dev.oms.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.cart.api.Address;
import dev.oms.cart.api.CartResult;
import dev.oms.cart.api.CatalogItem;
import dev.oms.cart.api.CheckoutInput;
import dev.oms.cart.api.CheckoutResult;
import dev.oms.cart.api.LineInput;
import dev.oms.cart.api.Money;
import dev.oms.cart.api.UserError;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.cart.v1.ProductListed;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.OutboxReader;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CartServiceIT {
    private static final CheckoutInput INPUT =
            new CheckoutInput("sandbox_ok", new Address("Ada", "1 Main St", "Berlin", "10115", "DE"));
    private static ServiceRuntime runtime;
    private static DataSource dataSource;
    private static CartService carts;

    @BeforeAll
    static void start() {
        dataSource = SharedTestInfra.freshDatabase("cart").dataSource("cart-test", CartService.NAME, 8);
        runtime = new ServiceRuntime(CartService.NAME, dataSource, "127.0.0.1:9", Clock.systemUTC());
        runtime.migrate();
        carts = CartService.register(runtime);
        carts.seedCatalog(List.of(new CatalogItem("SKU-1", "One", new Money(1_250, "EUR")),
                new CatalogItem("SKU-USD", "Dollar", new Money(900, "USD"))));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @BeforeEach
    void emptyOutbox() {
        OutboxReader.clear(dataSource);
    }

    @Test
    void seedingTheCatalogTwiceListsEachProductOnce() {
        carts.seedCatalog(List.of(new CatalogItem("SKU-1", "Renamed", new Money(1, "EUR"))));

        assertThat(OutboxReader.ofType(dataSource, ProductListed.class)).isEmpty();
    }

    @Test
    void pricesLinesFromTheCatalogAndAddsUpRepeatedSkus() {
        String cart = newCart();

        carts.addLines(cart, List.of(new LineInput("SKU-1", 2)));
        CartResult result = carts.addLines(cart, List.of(new LineInput("SKU-1", 1)));

        assertThat(result.userErrors()).isEmpty();
        assertThat(result.cart().lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
        assertThat(result.cart().total()).isEqualTo(new Money(3_750, "EUR"));
    }

    @Test
    void refusesBadLinesWithStableCodesAndChangesNothing() {
        String cart = newCart();

        assertThat(codes(carts.addLines(cart, List.of(new LineInput("SKU-1", 1), new LineInput("NOPE", 1)))))
                .containsExactly("UNKNOWN_SKU");
        assertThat(codes(carts.addLines(cart, List.of(new LineInput("SKU-1", -1))))).containsExactly("INVALID_QUANTITY");
        assertThat(codes(carts.addLines(cart, List.of(new LineInput("SKU-USD", 1))))).containsExactly("CURRENCY_MISMATCH");
        assertThat(codes(carts.addLines("not-a-uuid", List.of(new LineInput("SKU-1", 1))))).containsExactly("CART_NOT_FOUND");

        assertThat(carts.cart(cart).orElseThrow().lines()).isEmpty();
    }

    @Test
    void checkoutFreezesTheCartAndEmitsOneCheckoutCompleted() {
        String cart = cartWithOneLine();

        CheckoutResult result = carts.checkout(cart, "key-" + UUID.randomUUID(), INPUT);

        assertThat(result.userErrors()).isEmpty();
        CheckoutCompleted event = OutboxReader.ofType(dataSource, CheckoutCompleted.class).get(0);
        assertThat(event.getOrderId()).isEqualTo(result.order().id());
        assertThat(event.getTotal().getAmount()).isEqualTo(1_250);
        assertThat(carts.cart(cart).orElseThrow().status()).isEqualTo("CHECKED_OUT");
        assertThat(codes(carts.addLines(cart, List.of(new LineInput("SKU-1", 1))))).containsExactly("CART_NOT_OPEN");
    }

    @Test
    void sameKeyReturnsTheSameOrderEvenWhenSentConcurrently() {
        String cart = cartWithOneLine();
        String key = "key-" + UUID.randomUUID();

        List<CheckoutResult> results = List.of(
                CompletableFuture.supplyAsync(() -> carts.checkout(cart, key, INPUT)),
                CompletableFuture.supplyAsync(() -> carts.checkout(cart, key, INPUT)),
                CompletableFuture.supplyAsync(() -> carts.checkout(cart, key, INPUT))).stream()
                .map(CompletableFuture::join).toList();

        assertThat(results).extracting(r -> r.order().id()).containsOnly(results.get(0).order().id());
        assertThat(OutboxReader.ofType(dataSource, CheckoutCompleted.class)).hasSize(1);
    }

    @Test
    void aKeyUsedForAnotherCartIsRefused() {
        String key = "key-" + UUID.randomUUID();
        carts.checkout(cartWithOneLine(), key, INPUT);

        CheckoutResult reused = carts.checkout(cartWithOneLine(), key, INPUT);

        assertThat(reused.order()).isNull();
        assertThat(reused.userErrors()).extracting(UserError::code).containsExactly("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void refusesEmptyCartsAndIncompleteAddresses() {
        assertThat(carts.checkout(newCart(), "k-" + UUID.randomUUID(), INPUT).userErrors())
                .extracting(UserError::code).containsExactly("CART_EMPTY");
        CheckoutInput noCity = new CheckoutInput("sandbox_ok", new Address("Ada", "1 Main St", "", "10115", "DE"));
        assertThat(carts.checkout(cartWithOneLine(), "k-" + UUID.randomUUID(), noCity).userErrors())
                .extracting(e -> String.join(".", e.field())).containsExactly("input.shippingAddress.city");
        assertThat(OutboxReader.ofType(dataSource, CheckoutCompleted.class)).isEmpty();
    }

    @Test
    void updatesAndRemovesLinesAndRefusesAChangeToALineItDoesNotHave() {
        String cart = cartWithOneLine();

        assertThat(carts.updateLines(cart, List.of(new LineInput("SKU-1", 4))).cart().total()).isEqualTo(new Money(5_000, "EUR"));
        assertThat(codes(carts.updateLines(cart, List.of(new LineInput("SKU-1", 2), new LineInput("SKU-USD", 1)))))
                .containsExactly("LINE_NOT_FOUND");
        assertThat(carts.cart(cart).orElseThrow().lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(4));
        assertThat(carts.updateLines(cart, List.of(new LineInput("SKU-1", 0))).cart().lines()).isEmpty();
        assertThat(codes(carts.removeLines(cart, List.of("SKU-1")))).containsExactly("LINE_NOT_FOUND");
    }

    @Test
    void checkoutShipsToTheCartsAddressWhenTheInputHasNone() {
        String cart = cartWithOneLine();
        Address home = new Address("Bo", "2 Side St", "Hamburg", "20095", "DE");
        assertThat(carts.setShippingAddress(cart, home).cart().shippingAddress()).isEqualTo(home);
        assertThat(carts.removeLines(cartWithOneLine(), List.of("SKU-1")).cart().lines()).isEmpty();

        CheckoutResult result = carts.checkout(cart, "k-" + UUID.randomUUID(), new CheckoutInput("sandbox_ok", null));

        assertThat(result.userErrors()).isEmpty();
        assertThat(OutboxReader.ofType(dataSource, CheckoutCompleted.class).get(0).getShippingAddress().getCity())
                .isEqualTo("Hamburg");
        assertThat(codes(carts.setShippingAddress(newCart(), new Address("", "x", "y", "z", "DEU"))))
                .containsOnly("INVALID_INPUT");
    }

    private String newCart() {
        return carts.createCart("alice", "EUR").cart().id();
    }

    private String cartWithOneLine() {
        String cart = newCart();
        carts.addLines(cart, List.of(new LineInput("SKU-1", 1)));
        return cart;
    }

    private static List<String> codes(CartResult result) {
        assertThat(result.cart()).isNull();
        return result.userErrors().stream().map(UserError::code).toList();
    }
}
