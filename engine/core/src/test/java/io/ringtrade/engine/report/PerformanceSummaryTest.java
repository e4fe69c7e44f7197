package io.ringtrade.engine.report;

import static io.ringtrade.engine.report.Curves.compute;
import static io.ringtrade.engine.report.Curves.whole;
import static io.ringtrade.engine.report.Curves.wholeCurve;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.money.FixedPoint;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

/** The exact text of {@code summary.json} and of the console table. */
final class PerformanceSummaryTest {
    /** The main curve of {@link PerformanceMetricsTest} (four bars, one year) with trades, exposure and a benchmark. */
    private static PerformanceSummary mainSummary() {
        return compute(wholeCurve(10_000, 4, 11_000, 9_900, 10_890, 11_979)
            .roundTripPnl(whole(300, -100, 200, 0, -50))
            .inPosition(new boolean[] {true, true, false, true})
            .benchmarkEquity(whole(10_100, 10_200, 10_300, 10_400)));
    }

    private static final String MAIN_METRICS_JSON = """
        {
          "total_return": 0.1979,
          "cagr": 0.1979,
          "volatility": 0.2,
          "sharpe": 1,
          "sortino": 2,
          "calmar": 1.979,
          "max_drawdown": 0.1,
          "max_drawdown_duration_bars": 2,
          "win_rate": 0.4,
          "profit_factor": 3.333333333,
          "avg_win": 250,
          "avg_loss": -75,
          "trades": 5,
          "exposure": 0.75,
          "buy_and_hold_return": 0.04,
          "final_equity": 11979,
          "open_positions": 0,
          "unrealized_pnl": 0,
          "signals_rejected": 0,
          "signals_duplicate": 0,
          "days": null""";

    @Test
    void shouldWriteMetricsJsonExactly() {
        assertThat(mainSummary().toJson()).isEqualTo(MAIN_METRICS_JSON + "\n}\n");
    }

    @Test
    void shouldAppendRunFieldsAsANestedObjectInTheirOrderAndEscapeThem() {
        final SequencedMap<String, String> run = new LinkedHashMap<>();
        run.put("strategy", "sma-cross");
        run.put("symbol", "AAPL");
        run.put("note", "say \"hi\"\\\n\u0001");

        assertThat(mainSummary().toJson(run)).isEqualTo(MAIN_METRICS_JSON + """
            ,
              "run": {
                "strategy": "sma-cross",
                "symbol": "AAPL",
                "note": "say \\"hi\\"\\\\\\n\\u0001"
              }
            }
            """);
    }

    @Test
    void shouldWriteInfiniteProfitFactorAsNullAndMoneyAsPlainDecimals() {
        final PerformanceSummary s = compute(wholeCurve(10_000, 252, 10_000)
            .roundTripPnl(new long[] {FixedPoint.parse("0.00000001"), FixedPoint.parse("12.5")}));

        assertThat(s.toJson())
            .contains("\n  \"profit_factor\": null,\n")
            .contains("\n  \"avg_win\": 6.25000001,\n") // 12.50000001 / 2 = 6.250000005, half up at 1e-8
            .contains("\n  \"avg_loss\": 0,\n")
            .contains("\n  \"final_equity\": 10000,\n");
    }

    @Test
    void shouldFormatDoublesToTenSignificantDigitsInPlainNotation() {
        assertThat(PerformanceSummary.formatDouble(0.0)).isEqualTo("0");
        assertThat(PerformanceSummary.formatDouble(-0.0)).isEqualTo("0");
        assertThat(PerformanceSummary.formatDouble(1.0 / 3.0)).isEqualTo("0.3333333333");
        assertThat(PerformanceSummary.formatDouble(-2.0 / 3.0)).isEqualTo("-0.6666666667");
        assertThat(PerformanceSummary.formatDouble(0.19999999999999998)).isEqualTo("0.2");
        assertThat(PerformanceSummary.formatDouble(12_345_678_901.5)).isEqualTo("12345678900");
        assertThat(PerformanceSummary.formatDouble(2.5e-7)).isEqualTo("0.00000025");
        assertThat(PerformanceSummary.formatDouble(1e-20)).isEqualTo("0.00000000000000000001");
        assertThat(PerformanceSummary.formatDouble(Double.POSITIVE_INFINITY)).isEqualTo("null");
        assertThat(PerformanceSummary.formatDouble(Double.NaN)).isEqualTo("null");
    }

    @Test
    void shouldPrintAnAlignedTable() {
        assertThat(mainSummary().toTable()).isEqualTo("""
            Total return                     19.79 %
            CAGR                             19.79 %
            Volatility (annual)              20.00 %
            Sharpe ratio                        1.00
            Sortino ratio                       2.00
            Calmar ratio                        1.98
            Max drawdown                     10.00 %
            Max drawdown duration             2 bars
            Win rate                         40.00 %
            Profit factor                       3.33
            Average win                          250
            Average loss                         -75
            Trades                                 5
            Exposure                         75.00 %
            Buy & hold return                 4.00 %
            Final equity                       11979
            Open at the end                     none
            """);
    }

    @Test
    void shouldWithholdCagrAndCalmarOnARunShorterThanThirtyDays() {
        // three hourly bars: 2 h from the first start to the last start, plus one bar = 0.125 days
        final long hour = 3_600_000_000_000L;
        final PerformanceAccumulator run = new PerformanceAccumulator(FixedPoint.of(10_000), 6_048, 0, hour);
        run.onBar(0, FixedPoint.of(10_100), FixedPoint.of(10_000), true);
        run.onBar(hour, FixedPoint.of(9_900), FixedPoint.of(10_000), true);
        run.onBar(2 * hour, FixedPoint.of(10_200), FixedPoint.of(10_000), true);

        final PerformanceSummary summary = run.summary();

        assertThat(summary.days()).isEqualTo(0.125);
        assertThat(summary.cagr()).isNaN();
        assertThat(summary.calmar()).isNaN();
        assertThat(summary.sharpe()).isPositive();
        assertThat(summary.toJson()).contains("\n  \"cagr\": null,\n").contains("\n  \"calmar\": null,\n")
            .contains("\n  \"days\": 0.125\n");
        assertThat(summary.toTable()).contains("CAGR                     n/a (< 30 days)\n")
            .contains("Calmar ratio             n/a (< 30 days)\n");
    }

    @Test
    void shouldAnnualiseARunOfThirtyDaysOrMore() {
        final long day = 86_400_000_000_000L;
        final PerformanceAccumulator run = new PerformanceAccumulator(FixedPoint.of(10_000), 252, 0, day);
        for (int d = 0; d < 30; d++) {
            run.onBar(d * day, FixedPoint.of(10_000 + d), FixedPoint.of(10_000), false);
        }

        assertThat(run.summary().days()).isEqualTo(30.0);
        assertThat(run.summary().cagr()).isPositive();
    }

    @Test
    void shouldReportOpenPositionsSignalsAndNotes() {
        final PerformanceSummary summary = mainSummary().withEnd(1, FixedPoint.parse("1334.1"), 2, 3, 0, 0,
            java.util.List.of("0 trades: x decided nothing"));

        assertThat(summary.toJson()).contains("""
              "open_positions": 1,
              "unrealized_pnl": 1334.1,
              "signals_rejected": 2,
              "signals_duplicate": 3,
              "days": null,
              "notes": ["0 trades: x decided nothing"]
            }
            """);
        assertThat(summary.toTable()).endsWith("""
            Open at the end         1 (unrealized 1334.1)
            Signals ignored         2 rejected, 3 duplicate
            note: 0 trades: x decided nothing
            """);
    }

    @Test
    void shouldReportWhatBorrowingCostOnlyWhenSomethingWasBorrowed() {
        final PerformanceSummary summary = mainSummary().withEnd(0, 0, 0, 0, FixedPoint.parse("316.09555725"),
            FixedPoint.parse("0.30136987"), java.util.List.of());

        assertThat(summary.toJson()).contains("""
              "signals_duplicate": 0,
              "interest_paid": 316.09555725,
              "short_fees_paid": 0.30136987,
              "days": null
            """);
        assertThat(summary.toTable()).endsWith("""
            Open at the end                     none
            Interest paid               316.09555725
            Short fees paid               0.30136987
            """);
        final PerformanceSummary none = mainSummary().withEnd(0, 0, 0, 0, 0, 0, java.util.List.of());
        assertThat(none.toJson()).doesNotContain("interest", "short_fees");
        assertThat(none.toTable()).doesNotContain("Interest", "Short fees");
    }

    @Test
    void shouldPrintInfiniteProfitFactorAsInfInTheTable() {
        final PerformanceSummary s = compute(wholeCurve(10_000, 252, 10_100).roundTripPnl(whole(100)));

        assertThat(s.toTable()).contains("Profit factor                        inf\n");
    }
}
