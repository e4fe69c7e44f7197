package io.ringtrade.engine.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Client order ids: input sequence × 1000 + ordinal, and never 0, which every caller reads as "no order". */
final class ClientOrderIdsTest {
    @Test
    void shouldNeverNumberAnOrderZeroBecauseZeroMeansRefused() {
        final ClientOrderIds ids = new ClientOrderIds();
        ids.beginInput(0);

        assertThat(ids.next()).isEqualTo(1);
        assertThat(ids.next()).isEqualTo(2);
        ids.beginInput(1);
        assertThat(ids.next()).isEqualTo(1000);
    }

    @Test
    void shouldGiveInputZeroOneOrderLessThanTheOthers() {
        final ClientOrderIds ids = new ClientOrderIds();
        ids.beginInput(0);
        long last = 0;
        while (ids.hasNext()) {
            last = ids.next();
        }

        assertThat(last).isEqualTo(ClientOrderIds.PER_INPUT - 1);
    }
}
