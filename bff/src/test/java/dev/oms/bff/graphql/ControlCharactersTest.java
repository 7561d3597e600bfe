package dev.oms.bff.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void acceptsWhatPeopleWrite() {
        assertThat(ControlCharacters.firstUnwanted("Zoë, 1 Main St\n\tapt. 2 – 東京 😀")).isEqualTo(-1);
    }

    @Test
    void findsControlCharactersAndHalvesOfSurrogatePairs() {
        assertThat(ControlCharacters.firstUnwanted("ab\u0000")).isEqualTo(2);
        assertThat(ControlCharacters.firstUnwanted("\u001b[2J")).isZero();
        assertThat(ControlCharacters.firstUnwanted("x\u007f")).isEqualTo(1);
        assertThat(ControlCharacters.firstUnwanted("x\u0085")).isEqualTo(1);
        assertThat(ControlCharacters.firstUnwanted("\ud83d")).isZero();
        assertThat(ControlCharacters.firstUnwanted("a\ude00")).isEqualTo(1);
    }
}
