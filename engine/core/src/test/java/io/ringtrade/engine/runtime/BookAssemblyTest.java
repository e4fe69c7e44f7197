package io.ringtrade.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.EventStrategy;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.BookLimits;
import io.ringtrade.engine.config.FillModel;
import io.ringtrade.engine.config.MarginCallRule;
import io.ringtrade.engine.config.OnOpposite;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.strategy.StrategyCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one way a book is built from configuration: defaults, the split of costs (the fill model) from limits (risk),
 * and refusals naming the book. Uses the test strategies listed in this module's test resources.
 */
final class BookAssemblyTest {
    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final StrategyCatalog catalog = StrategyCatalog.load(getClass().getClassLoader());

    BookAssemblyTest() {
        instruments.register("ACME", "USD", 1, 1);
    }

    private static BookConfig book(final String strategy, final Map<String, String> params, final String slippage) {
        return new BookConfig("b1", strategy, params, List.of("ACME"), Interval.M5, FixedPoint.of(5_000),
            FixedPoint.parse(slippage), FixedPoint.parse(BookConfig.COMMISSION_BPS_DEFAULT), true, FixedPoint.of(20),
            FillModel.CLOSE, FixedPoint.of(1_000), FixedPoint.parse("0.25"));
    }

    @Test
    void shouldPutCostsWithTheFillModelAndLimitsWithRisk() {
        final BookSpec spec = BookAssembly.assemble(book("test_hold", Map.of(), "5"), instruments, catalog);

        assertThat(spec.fillModel().slippageBps()).isEqualTo(5);
        assertThat(spec.fillModel().commissionBps()).isEqualTo(10); // the one default, for run and backtest alike
        assertThat(spec.fillModel().fillAtClose()).isTrue();
        assertThat(spec.fillModel().participation()).isEqualTo(FixedPoint.parse("0.25"));
        assertThat(spec.limits().allowShort()).isTrue();
        assertThat(spec.limits().minNotional()).isEqualTo(FixedPoint.of(20));
        assertThat(spec.limits().maxShortNotional()).isEqualTo(FixedPoint.of(1_000));
        assertThat(spec.instruments()).containsExactly(0);
        assertThat(spec.interval()).isEqualTo(Interval.M5);
    }

    @Test
    void shouldRefuseFractionalBasisPointsNamingTheBook() {
        assertThatThrownBy(() -> BookAssembly.assemble(book("test_hold", Map.of(), "2.5"), instruments, catalog))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("book b1: slippage-bps must be a whole number of basis points, got 2.5");
    }

    @Test
    void shouldRefuseAnUnknownStrategyOrParameterNamingTheBook() {
        assertThatThrownBy(() -> BookAssembly.assemble(book("nope", Map.of(), "5"), instruments, catalog))
            .hasMessageStartingWith("book b1: unknown strategy 'nope'");
        assertThatThrownBy(() -> BookAssembly.assemble(book("test_hold", Map.of("x", "1"), "5"), instruments,
            catalog)).hasMessage("book b1: strategy test_hold has no parameter 'x' (parameters: trade_usd, "
            + "equity_fraction, quantity, stop_loss, take_profit, trailing_stop, time_stop_bars, max_adds, average_last)");
    }

    @Test
    void shouldReverseOnOppositeForEveryDecisionStrategyAndNoOther() {
        assertThat(BookAssembly.assemble(reversing("test_hold", Map.of("average_last", "2")), instruments, catalog)
            .reverseOnOpposite()).isTrue();
        assertThat(BookAssembly.assemble(book("test_hold", Map.of(), "5"), instruments, catalog).reverseOnOpposite())
            .isFalse();
        // managed positions reverse too: the signal exit is followed by an entry on the other side
        assertThat(BookAssembly.assemble(reversing("test_hold", Map.of("stop_loss", "0.02", "trade_usd", "100")),
            instruments, catalog).reverseOnOpposite()).isTrue();
        assertThatThrownBy(() -> BookAssembly.assemble(reversing("test_quiet_events", Map.of()), instruments, catalog))
            .hasMessage("book b1: on-opposite = reverse applies to a decision strategy (an iteration or event strategy"
                + " places its own entries and exits)");
    }

    @Test
    void shouldGiveTheBooksLeverageTermsToRisk() {
        final BookConfig leveraged = new BookConfig("b1", "test_hold", Map.of(), List.of("ACME"), Interval.M5,
            FixedPoint.of(5_000), FixedPoint.of(0), FixedPoint.of(0), false, FixedPoint.of(10), FillModel.NEXT_OPEN, 0,
            0, new BookLimits(0, 0, 0, 0, 0, FixedPoint.of(3), FixedPoint.of(25), FixedPoint.parse("6.5"),
                FixedPoint.of(2), MarginCallRule.REDUCE),
            OnOpposite.CLOSE, "");
        final BookSpec spec = BookAssembly.assemble(leveraged, instruments, catalog);
        assertThat(List.of(spec.limits().maxLeverage(), spec.limits().maintenanceMarginPct(),
            spec.limits().borrowRatePct(), spec.limits().shortFeePct()))
            .containsExactly(FixedPoint.of(3), FixedPoint.of(25), FixedPoint.parse("6.5"), FixedPoint.of(2));
        assertThat(spec.limits().marginCallReduces()).isTrue();
    }

    private static BookConfig reversing(final String strategy, final Map<String, String> params) {
        return new BookConfig("b1", strategy, params, List.of("ACME"), Interval.M5, FixedPoint.of(5_000),
            FixedPoint.of(0), FixedPoint.of(0), true, FixedPoint.of(0), FillModel.CLOSE, 0, 0, BookLimits.NONE,
            OnOpposite.REVERSE, "");
    }

    @Test
    void shouldRefuseAStrategyThatKeepsStateOutsideTheStateApi() {
        assertThatThrownBy(() -> BookAssembly.assemble(book("test_counting", Map.of(), "5"), instruments, catalog))
            .hasMessageContaining("book b1: the strategy keeps state the engine cannot snapshot");
    }

    /** Holds on every bar. */
    public static final class HoldStrategy implements StrategyDefinition {
        @Override
        public String name() {
            return "test_hold";
        }

        @Override
        public String description() {
            return "holds";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public DecisionStrategy create(final Parameters parameters) {
            return row -> DecisionStrategy.HOLD;
        }
    }

    /** An event strategy with no handlers of its own. */
    public static final class QuietEventStrategy implements StrategyDefinition {
        @Override
        public String name() {
            return "test_quiet_events";
        }

        @Override
        public String description() {
            return "an event strategy that does nothing";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public EventStrategy create(final Parameters parameters) {
            return new EventStrategy() {
            };
        }
    }

    /** Counts bars in a field of its own: refused. */
    public static final class CountingStrategy implements StrategyDefinition {
        @Override
        public String name() {
            return "test_counting";
        }

        @Override
        public String description() {
            return "counts in a mutable field";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public DecisionStrategy create(final Parameters parameters) {
            return new DecisionStrategy() {
                private int bars;

                @Override
                public int decide(final Row row) {
                    return bars++ > 3 ? BUY : HOLD;
                }
            };
        }
    }
}
