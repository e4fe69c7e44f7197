package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.TimeRange;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.BookLimits;
import io.ringtrade.engine.config.FillModel;
import io.ringtrade.engine.config.MarginCallRule;
import io.ringtrade.engine.config.OnOpposite;
import io.ringtrade.engine.risk.RiskLimits;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options {@code backtest} and {@code optimize} share: the symbols and days of the {@code --data} files, the
 * simulated book's cash, costs, minimum order, shorting and leverage terms, the traded symbols' steps and the risk-free rate of the
 * summary, with the conversions both commands make of them. Each command keeps its own {@code --data},
 * {@code --interval} and {@code --fill} (their help texts differ) and calls the checks here in its own order, so that
 * each refuses a bad command line with the same first error as before. Start-up thread only.
 */
final class BacktestOptions {
    @Option(names = "--symbol", paramLabel = "SYM", description = "symbol of each --data file in order (default: from the file name)")
    List<String> symbols = new ArrayList<>();

    @Mixin
    DayRangeOptions days = new DayRangeOptions();

    @Option(names = "--cash", defaultValue = "10000", description = "starting cash (default: ${DEFAULT-VALUE})")
    String cash;

    @Option(names = "--slippage-bps", defaultValue = BookConfig.SLIPPAGE_BPS_DEFAULT, description = "slippage in basis points (default: ${DEFAULT-VALUE})")
    long slippageBps;

    @Option(names = "--commission-bps", defaultValue = BookConfig.COMMISSION_BPS_DEFAULT, description = "commission in basis points (default: ${DEFAULT-VALUE})")
    long commissionBps;

    @Option(names = "--min-notional", defaultValue = "10", description = "smallest order notional sent (default: ${DEFAULT-VALUE})")
    String minNotional;

    @Option(names = "--allow-short", description = "let a sell while flat open a short position")
    boolean allowShort;

    @Option(names = "--on-opposite", defaultValue = "close", paramLabel = "close|reverse",
        description = "a sell while long (a buy while short) only closes, or with --allow-short reverses (default: ${DEFAULT-VALUE})")
    String onOpposite;

    @Option(names = "--max-leverage", paramLabel = "L", description = "long exposure up to L x equity: buys of an "
        + "explicit size (trade_usd, equity_fraction, quantity) may borrow (L - 1) x equity; 1 to 100 (default: 1, a "
        + "cash account)")
    String maxLeverage;

    @Option(names = "--maintenance-margin-pct", paramLabel = "PCT", description = "equity to keep as a percentage of "
        + "the gross exposure, else the book is closed out and halted (a margin call); 0 to 100 (default: none)")
    String maintenanceMarginPct;

    @Option(names = "--borrow-rate-pct", paramLabel = "PCT", description = "yearly interest on borrowed cash, charged "
        + "for each day that ends with the cash negative; 0 to 100 (default: none)")
    String borrowRatePct;

    @Option(names = "--margin-call", paramLabel = "close|reduce", defaultValue = "close", description = "what a margin "
        + "call does: close every position, or reduce each just enough to carry the margin again (default: "
        + "${DEFAULT-VALUE})")
    String marginCall = "close";

    @Option(names = "--short-fee-pct", paramLabel = "PCT", description = "yearly fee on the value of short positions "
        + "(the shares they borrow), charged for each day that ends with one; 0 to 100 (default: none)")
    String shortFeePct;

    @Option(names = "--tick-size", paramLabel = "STEP", description = "price step of the traded symbols (default: from instruments.conf)")
    String tickSize;

    @Option(names = "--lot-size", paramLabel = "STEP", description = "quantity step of the traded symbols (default: from instruments.conf)")
    String lotSize;

    @Option(names = "--risk-free-rate", defaultValue = "0", description = "annual risk-free rate for sharpe/sortino, a fraction: 0.05 for 5 %% (default: ${DEFAULT-VALUE})")
    double riskFreeRate;

    /** {@code --fill}: next-open or close. */
    static FillModel fill(final String fill) {
        return switch (fill) {
            case "next-open" -> FillModel.NEXT_OPEN;
            case "close" -> FillModel.CLOSE;
            default -> throw new UserException("--fill must be next-open or close, not '" + fill + "'");
        };
    }

    /** {@code --cash} in fixed point, refused unless it is a positive decimal number. */
    long cash() {
        final long cashFixed = money("--cash", cash);
        if (cashFixed <= 0) {
            throw new UserException("--cash must be positive, got " + cash);
        }
        return cashFixed;
    }

    /** {@code --min-notional} in fixed point, refused unless it is a decimal number. */
    long minNotional() {
        return money("--min-notional", minNotional);
    }

    /** {@code --on-opposite}, refused when it is neither close nor reverse, or reverse without {@code --allow-short}. */
    OnOpposite onOpposite() {
        final OnOpposite opposite = switch (onOpposite) {
            case "close" -> OnOpposite.CLOSE;
            case "reverse" -> OnOpposite.REVERSE;
            default -> throw new UserException("--on-opposite must be close or reverse, not '" + onOpposite + "'");
        };
        if (opposite == OnOpposite.REVERSE && !allowShort) {
            throw new UserException("--on-opposite reverse needs --allow-short (without shorts a sell can only close)");
        }
        return opposite;
    }

    /**
     * The book's leverage terms ({@code --max-leverage}, {@code --maintenance-margin-pct}, {@code --margin-call},
     * {@code --borrow-rate-pct}, {@code --short-fee-pct}), each refused out of its range; the other limits stay off, as
     * before these options.
     */
    BookLimits leverage() {
        final long leverage = maxLeverage == null ? 0
            : within("--max-leverage", maxLeverage, RiskLimits.CASH_ACCOUNT, RiskLimits.MAX_LEVERAGE, "1 to 100");
        final long margin = maintenanceMarginPct == null ? 0
            : within("--maintenance-margin-pct", maintenanceMarginPct, 0, RiskLimits.MAX_PERCENT, "0 to 100");
        final long rate = borrowRatePct == null ? 0
            : within("--borrow-rate-pct", borrowRatePct, 0, RiskLimits.MAX_PERCENT, "0 to 100");
        final long fee = shortFeePct == null ? 0
            : within("--short-fee-pct", shortFeePct, 0, RiskLimits.MAX_PERCENT, "0 to 100");
        final MarginCallRule call = switch (marginCall) {
            case "close" -> MarginCallRule.CLOSE;
            case "reduce" -> MarginCallRule.REDUCE;
            default -> throw new UserException("--margin-call must be close or reduce, not '" + marginCall + "'");
        };
        return new BookLimits(0, 0, 0, 0, 0, leverage, margin, rate, fee, call);
    }

    /** Adds the leverage terms that are set to a run's fields (its first line and its summary's {@code run}). */
    static void describe(final BookLimits leverage, final Map<String, String> fields) {
        if (leverage.maxLeverage() != 0) {
            fields.put("max_leverage", FixedPoint.toString(leverage.maxLeverage()));
        }
        if (leverage.maintenanceMarginPct() != 0) {
            fields.put("maintenance_margin_pct", FixedPoint.toString(leverage.maintenanceMarginPct()));
        }
        if (leverage.borrowRatePct() != 0) {
            fields.put("borrow_rate_pct", FixedPoint.toString(leverage.borrowRatePct()));
        }
        if (leverage.shortFeePct() != 0) {
            fields.put("short_fee_pct", FixedPoint.toString(leverage.shortFeePct()));
        }
        if (leverage.marginCall() != MarginCallRule.CLOSE) {
            fields.put("margin_call", leverage.marginCall().label());
        }
    }

    private static long within(final String option, final String text, final long min, final long max,
                               final String range) {
        final long value = money(option, text);
        if (value < min || value > max) {
            throw new UserException(option + " must be a decimal from " + range + ", got " + text);
        }
        return value;
    }

    /** {@code --risk-free-rate}, refused unless it is a yearly fraction. */
    double riskFreeRate() {
        return TradedInstruments.riskFreeRate(riskFreeRate);
    }

    /** The {@code --data} files with their {@code --symbol}s (see {@link MarketDataInputs#dataFiles}). */
    List<MarketDataInputs.DataFile> dataFiles(final List<Path> data) {
        return MarketDataInputs.dataFiles(data, symbols);
    }

    /** The instruments {@code files} trade, with {@code --tick-size} and {@code --lot-size} where given. */
    TradedInstruments traded(final List<MarketDataInputs.DataFile> files) {
        return TradedInstruments.of(files, !symbols.isEmpty(), tickSize, lotSize);
    }

    /** The days of {@code --from} and {@code --to}. */
    TimeRange range() {
        return days.range();
    }

    private static long money(final String option, final String text) {
        try {
            return FixedPoint.parse(text);
        } catch (final NumberFormatException e) {
            throw new UserException(option + ": '" + text + "' is not a decimal number");
        }
    }
}
