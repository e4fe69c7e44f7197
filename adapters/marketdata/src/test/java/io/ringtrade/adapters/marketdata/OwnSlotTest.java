package io.ringtrade.adapters.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EngineEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BarSeriesSource#nextIntoOwnSlot}, which skips resetting the fields a bar never sets, against {@link
 * BarSeriesSource#next}, which resets every field: the same input fields after every bar of a series, with the
 * owner writing {@code sequence} and {@code ingressNanos} in between as a driver does, and a full reset whenever the slot
 * held something other than a bar.
 */
class OwnSlotTest {
    private static final BarSeriesData BARS = BarSeriesData.of("BTC/USD",
        new long[] {60_000_000_000L, 120_000_000_000L, 180_000_000_000L, 240_000_000_000L},
        new long[] {100_000_000_000L, 101_000_000_000L, 99_000_000_000L, 98_500_000_000L},
        new long[] {102_000_000_000L, 103_000_000_000L, 101_000_000_000L, 99_000_000_000L},
        new long[] {99_000_000_000L, 99_000_000_000L, 98_000_000_000L, 97_000_000_000L},
        new long[] {101_000_000_000L, 99_500_000_000L, 98_600_000_000L, 98_000_000_000L},
        new long[] {5_000_000L, 0L, 7_250_000L, 1L});

    /** Every public input field of the event, by reflection, so that a field added later is compared too. */
    private static List<Object> inputFields(final EngineEvent event) throws IllegalAccessException {
        final List<Object> values = new ArrayList<>();
        for (final Field field : EngineEvent.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
                values.add(field.getName() + "=" + field.get(event));
            }
        }
        return values;
    }

    @Test
    void shouldFillItsOwnSlotExactlyAsNextDoes() throws IllegalAccessException {
        final BarSeriesSource resetting = new BarSeriesSource(BARS, 4);
        final BarSeriesSource reusing = new BarSeriesSource(BARS, 4);
        final EngineEvent expected = new EngineEvent();
        final EngineEvent actual = new EngineEvent();
        assertThat(reusing.next(actual)).isTrue();
        assertThat(resetting.next(expected)).isTrue();
        int bars = 1;
        while (true) {
            assertThat(inputFields(actual)).isEqualTo(inputFields(expected));
            // what a driver writes between two inputs
            actual.sequence = 1_000 + bars;
            actual.ingressNanos = 77;
            final boolean more = reusing.nextIntoOwnSlot(actual);
            assertThat(resetting.next(expected)).isEqualTo(more);
            if (!more) {
                break;
            }
            bars++;
        }
        assertThat(bars).isEqualTo(4);
    }

    @Test
    void shouldResetEverythingWhenTheSlotHeldSomethingElse() throws IllegalAccessException {
        final EngineEvent expected = new EngineEvent();
        new BarSeriesSource(BARS, 4).next(expected);
        final EngineEvent signal = new EngineEvent().setSignal(5, 99, 2, 4, 1, 1, 300, 0);
        new BarSeriesSource(BARS, 4).nextIntoOwnSlot(signal);
        assertThat(inputFields(signal)).isEqualTo(inputFields(expected));
        final EngineEvent trade = new EngineEvent().setTrade(4, 5, 123, 456);
        new BarSeriesSource(BARS, 4).nextIntoOwnSlot(trade);
        assertThat(inputFields(trade)).isEqualTo(inputFields(expected));
    }
}
