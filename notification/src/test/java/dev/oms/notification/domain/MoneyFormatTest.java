package dev.oms.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyFormatTest {

    @Test
    void usesTheCurrencysMinorUnits() {
        assertThat(MoneyFormat.format(4990, "EUR")).isEqualTo("49.90 EUR");
        assertThat(MoneyFormat.format(5, "EUR")).isEqualTo("0.05 EUR");
        assertThat(MoneyFormat.format(500, "JPY")).isEqualTo("500 JPY");
        assertThat(MoneyFormat.format(12345, "BHD")).isEqualTo("12.345 BHD");
        assertThat(MoneyFormat.format(-250, "USD")).isEqualTo("-2.50 USD");
    }

    @Test
    void keepsEveryCentOfLargeAmounts() {
        assertThat(MoneyFormat.format(Long.MAX_VALUE, "EUR")).isEqualTo("92233720368547758.07 EUR");
        assertThat(MoneyFormat.format("900719925474099317", "EUR")).isEqualTo("9007199254740993.17 EUR");
    }

    @Test
    void rejectsWhatIsNotMinorUnitsOfACurrency() {
        assertThatThrownBy(() -> MoneyFormat.format("49.90", "EUR")).hasMessageContaining("minor units");
        assertThatThrownBy(() -> MoneyFormat.format(1, "EURO")).hasMessageContaining("ISO 4217");
    }
}
