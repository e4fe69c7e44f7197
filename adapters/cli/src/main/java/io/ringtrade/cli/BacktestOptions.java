package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.TimeRange;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.FillModel;
import io.ringtrade.engine.config.OnOpposite;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options {@code backtest} and {@code optimize} share: the symbols and days of the {@code --data} files, the
 * simulated book's cash, costs, minimum order and shorting, the traded symbols' steps and the risk-free rate of the
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
