package io.ringtrade.engine.config;

import io.ringtrade.engine.api.market.TradingCalendar;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.risk.RiskSettings;

import java.util.Map;

/**
 * Renders an {@link EngineConfig} back to HOCON that {@link EngineConfigLoader} reads to an equal configuration:
 * the manifest a journal keeps of the configuration that wrote it (instruments in id order, books), so replay and
 * recovery rebuild the same business logic. Money and sizes are written as exact decimals. Start-up thread only.
 */
public final class EngineConfigWriter {
    private EngineConfigWriter() {
    }

    /** The configuration as HOCON text. */
    public static String toHocon(final EngineConfig config) {
        final StringBuilder out = new StringBuilder(1024);
        out.append("# Written by ringtrade: the configuration this journal was recorded with. Do not edit.\n");
        out.append("ringtrade {\n");
        out.append("  mode = ").append(config.mode().label()).append('\n');
        out.append("  pipeline { ring-size = ").append(config.pipeline().ringSize())
            .append(", wait-strategy = ").append(config.pipeline().waitStrategy().label())
            // written only when chosen, so that manifests of journals from before the setting stay as they were
            .append(config.pipeline().layout() == PipelineLayout.AUTO ? ""
                : ", layout = " + config.pipeline().layout().label())
            .append(", timer-interval = ").append(config.pipeline().timerInterval().toNanos()).append("ns")
            .append(", bar-close-delay = ").append(config.pipeline().barCloseDelay() == null ? "off"
                : config.pipeline().barCloseDelay().toNanos() + "ns").append(" }\n");
        out.append("  feed { type = ").append(config.feed().type().label())
            .append(", file = ").append(quote(config.feed().file()))
            .append(", symbol = ").append(quote(config.feed().symbol()))
            .append(", speed = ").append(config.feed().speed())
            .append(config.feed().interval() == null ? "" : ", interval = " + config.feed().interval().label())
            .append(config.feed().loop() ? ", loop = true" : "").append(" }\n");
        if (config.venue().type() != VenueType.NONE) {
            // which venue the journal traded on (never its keys): replay needs to know its reports are the fills
            out.append("  venue { type = ").append(config.venue().type().label());
            if (!config.venue().exchangeClass().isEmpty()) {
                out.append(", exchange-class = ").append(quote(config.venue().exchangeClass()));
            }
            if (!config.venue().symbols().isEmpty()) {
                out.append(", symbols { ");
                boolean firstSymbol = true;
                for (final Map.Entry<String, String> symbol : config.venue().symbols().entrySet()) {
                    out.append(firstSymbol ? "" : ", ").append(quote(symbol.getKey())).append(" = ")
                        .append(quote(symbol.getValue()));
                    firstSymbol = false;
                }
                out.append(" }");
            }
            out.append(" }\n");
        }
        out.append("  instruments = [\n");
        for (final InstrumentConfig instrument : config.instruments()) {
            out.append("    { symbol = ").append(quote(instrument.symbol()))
                .append(", currency = ").append(instrument.currency())
                .append(", tick-size = ").append(FixedPoint.toString(instrument.tickSize()))
                .append(", lot-size = ").append(FixedPoint.toString(instrument.lotSize()))
                .append(instrument.calendar() == TradingCalendar.UNSPECIFIED ? ""
                    : ", calendar = " + instrument.calendar().label()).append(" }\n");
        }
        out.append("  ]\n");
        out.append("  books = [\n");
        for (final BookConfig book : config.books()) {
            out.append("    { name = ").append(quote(book.name()))
                .append(", strategy = ").append(quote(book.strategy()))
                .append(", params { ");
            boolean first = true;
            for (final Map.Entry<String, String> param : book.params().entrySet()) {
                out.append(first ? "" : ", ").append(quote(param.getKey())).append(" = ").append(quote(param.getValue()));
                first = false;
            }
            out.append(" }, symbols = [");
            for (int i = 0; i < book.symbols().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(quote(book.symbols().get(i)));
            }
            out.append("], interval = ").append(book.interval().label())
                .append(", cash = ").append(FixedPoint.toString(book.cash()))
                .append(", slippage-bps = ").append(FixedPoint.toString(book.slippageBps()))
                .append(", commission-bps = ").append(FixedPoint.toString(book.commissionBps()))
                .append(", allow-short = ").append(book.allowShort())
                .append(", min-notional = ").append(FixedPoint.toString(book.minNotional()))
                .append(", fill = ").append(book.fill().label())
                .append(", max-short-notional = ").append(FixedPoint.toString(book.maxShortNotional()))
                .append(", participation = ").append(FixedPoint.toString(book.participation()));
            // written only when not the default, so manifests of journals from before these keys still compare equal
            if (book.onOpposite() != BookConfig.ON_OPPOSITE_DEFAULT) {
                out.append(", on-opposite = ").append(book.onOpposite().label());
            }
            if (book.hasStrategyFile()) {
                out.append(", strategy-file = ").append(quote(book.strategyFile()));
            }
            limits(out, book.limits());
            // a book's leverage 1 is the default cash account: written only above it, so old manifests still match
            if (book.limits().maxLeverage() > RiskLimits.CASH_ACCOUNT) {
                out.append(", max-leverage = ").append(FixedPoint.toString(book.limits().maxLeverage()));
            }
            if (book.limits().maintenanceMarginPct() != 0) {
                out.append(", maintenance-margin-pct = ")
                    .append(FixedPoint.toString(book.limits().maintenanceMarginPct()));
            }
            if (book.limits().borrowRatePct() != 0) {
                out.append(", borrow-rate-pct = ").append(FixedPoint.toString(book.limits().borrowRatePct()));
            }
            if (book.limits().shortFeePct() != 0) {
                out.append(", short-fee-pct = ").append(FixedPoint.toString(book.limits().shortFeePct()));
            }
            if (book.limits().marginCall() != MarginCallRule.CLOSE) {
                out.append(", margin-call = ").append(book.limits().marginCall().label());
            }
            out.append(" }\n");
        }
        out.append("  ]\n");
        final BookLimits caps = new BookLimits(config.risk().maxOrderNotional(), config.risk().maxPositionPct(),
            config.risk().maxDailyLoss(), config.risk().maxOrdersPerSecond(), config.risk().priceBandPct(),
            config.risk().maxLeverage());
        if (!caps.isNone() || config.risk().largeTransactionThreshold()
            != RiskSettings.LARGE_TRANSACTION_THRESHOLD_DEFAULT) {
            // written only when not the defaults, so journals recorded before the risk layer keep matching
            out.append("  risk { large-transaction-threshold = ")
                .append(FixedPoint.toString(config.risk().largeTransactionThreshold()));
            limits(out, caps);
            // the engine-wide cap is written whenever set: a cap of 1 turns every book into a cash account
            if (caps.maxLeverage() != 0) {
                out.append(", max-leverage = ").append(FixedPoint.toString(caps.maxLeverage()));
            }
            out.append(" }\n");
        }
        out.append("}\n");
        return out.toString();
    }

    /** The limits that are set (a limit of 0 is the default and left out). */
    private static void limits(final StringBuilder out, final BookLimits limits) {
        if (limits.maxOrderNotional() != 0) {
            out.append(", max-order-notional = ").append(FixedPoint.toString(limits.maxOrderNotional()));
        }
        if (limits.maxPositionPct() != 0) {
            out.append(", max-position-pct = ").append(FixedPoint.toString(limits.maxPositionPct()));
        }
        if (limits.maxDailyLoss() != 0) {
            out.append(", max-daily-loss = ").append(FixedPoint.toString(limits.maxDailyLoss()));
        }
        if (limits.maxOrdersPerSecond() != 0) {
            out.append(", max-orders-per-second = ").append(limits.maxOrdersPerSecond());
        }
        if (limits.priceBandPct() != 0) {
            out.append(", price-band-pct = ").append(FixedPoint.toString(limits.priceBandPct()));
        }
    }

    private static String quote(final String text) {
        final StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
