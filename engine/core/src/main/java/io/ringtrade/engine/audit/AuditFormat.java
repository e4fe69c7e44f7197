package io.ringtrade.engine.audit;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.TradingCommand;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.output.OutputFiles;
import io.ringtrade.engine.risk.HaltCause;
import io.ringtrade.engine.risk.RiskLimit;

/**
 * Renders business logic's audit records as the JSON lines of {@code audit.log}: one object per line, keys in a fixed
 * order, times ISO-8601 UTC by event time, money as exact decimals, so that a replay of the journal writes the same
 * bytes. Every line written by business logic has {@code "by":"engine"}, the input's journal entry and the line's
 * ordinal among that input's lines ({@code "n"}); lines written by the edges ({@link #edgeLine}) have
 * {@code "by":"edge"} and no entry of their own. Stateless.
 */
public final class AuditFormat {
    private AuditFormat() {
    }

    /**
     * One engine line into {@code out} (cleared first).
     *
     * @param symbols   instrument symbols by id
     * @param bookNames book names by index
     */
    public static StringBuilder engineLine(final StringBuilder out, final long timeNanos, final long entry, final int n,
                                           final int kind, final int book, final int instrument, final long a,
                                           final long b, final long c, final long d, final long e, final long f,
                                           final String[] symbols, final String[] bookNames) {
        out.setLength(0);
        out.append("{\"time\":\"").append(OutputFiles.isoTime(timeNanos)).append("\",\"by\":\"engine\",\"entry\":")
            .append(entry).append(",\"n\":").append(n).append(",\"event\":\"");
        switch (kind) {
            case AuditKind.RISK_REJECT -> {
                out.append("risk_reject\"");
                book(out, book, bookNames);
                symbol(out, instrument, symbols);
                out.append(",\"order_id\":").append(a).append(",\"side\":\"").append(b > 0 ? "BUY" : "SELL")
                    .append("\",\"reason\":\"").append(OrderReason.of((int) c).label()).append('"');
                money(out, "quantity", d);
                money(out, "notional", e);
                money(out, "price", f);
            }
            case AuditKind.TRADING_STATE -> {
                out.append("trading_state\"");
                scope(out, book, bookNames);
                out.append(",\"from\":\"").append(TradingCommand.stateName((int) a)).append("\",\"to\":\"")
                    .append(TradingCommand.stateName((int) b)).append("\",\"cause\":\"")
                    .append(HaltCause.of((int) c).label()).append("\",\"source\":\"")
                    .append(TradingCommand.sourceName((int) d)).append("\",\"orders_cancelled\":").append(e)
                    .append(",\"flatten_orders\":").append(f);
            }
            case AuditKind.STRATEGY_PAUSE -> {
                out.append(a != 0 ? "strategy_paused\"" : "strategy_resumed\"");
                book(out, book, bookNames);
                out.append(",\"source\":\"").append(TradingCommand.sourceName((int) d)).append('"');
            }
            case AuditKind.CLOSE_POSITION -> {
                out.append("close_position\"");
                book(out, book, bookNames);
                symbol(out, instrument, symbols);
                money(out, "position", e);
                out.append(",\"order_id\":").append(a).append(",\"source\":\"")
                    .append(TradingCommand.sourceName((int) d)).append('"');
            }
            case AuditKind.DAILY_LOSS -> {
                out.append("daily_loss_breach\"");
                scope(out, book, bookNames);
                money(out, "loss", a);
                money(out, "limit", b);
                out.append(",\"orders_cancelled\":").append(e);
            }
            case AuditKind.COMMAND_REFUSED -> {
                out.append("command_refused\",\"command\":\"").append(CommandCode.name((int) a)).append('"');
                out.append(",\"book_index\":").append(book).append(",\"instrument_id\":").append(instrument)
                    .append(",\"why\":\"").append(refusal((int) c)).append("\",\"source\":\"")
                    .append(TradingCommand.sourceName((int) d)).append("\",\"argument\":").append(e);
            }
            case AuditKind.LIMIT_CHANGED -> {
                final RiskLimit limit = RiskLimit.ofCommand((int) a);
                out.append("limit_changed\"");
                scope(out, book, bookNames);
                out.append(",\"limit\":\"").append(limit == null ? "unknown" : limit.label()).append('"');
                money(out, "from", b);
                money(out, "to", c);
                money(out, "asked", e);
                out.append(",\"source\":\"").append(TradingCommand.sourceName((int) d)).append('"');
            }
            case AuditKind.MARGIN_CALL -> {
                out.append("margin_call\"");
                book(out, book, bookNames);
                money(out, "equity", a);
                money(out, "required", b);
                money(out, "exposure", c);
                out.append(",\"orders_cancelled\":").append(e).append(",\"liquidation_orders\":").append(f);
            }
            case AuditKind.INTEREST -> dailyCharge(out, "interest", book, bookNames, c, "cash", b, "rate_pct", d,
                "interest", a);
            case AuditKind.SHORT_FEE -> dailyCharge(out, "short_fee", book, bookNames, c, "short_value", b, "fee_pct",
                d, "fee", a);
            default -> out.append("unknown_").append(kind).append('"');
        }
        return out.append("}\n");
    }

    /** A day's charge for what a book borrows: the day, what it was charged on, the yearly rate and the amount. */
    private static void dailyCharge(final StringBuilder out, final String event, final int book,
                                    final String[] bookNames, final long dayStartNanos, final String baseKey,
                                    final long base, final String rateKey, final long rate, final String amountKey,
                                    final long amount) {
        out.append(event).append('"');
        book(out, book, bookNames);
        out.append(",\"day\":\"").append(OutputFiles.isoTime(dayStartNanos), 0, 10).append('"');
        money(out, baseKey, base);
        money(out, rateKey, rate);
        money(out, amountKey, amount);
    }

    private static String refusal(final int why) {
        return switch (why) {
            case AuditKind.REFUSED_UNKNOWN_BOOK -> "unknown book";
            case AuditKind.REFUSED_UNKNOWN_STATE -> "unknown trading state";
            case AuditKind.REFUSED_DUPLICATE -> "offline command already applied";
            case AuditKind.REFUSED_UNKNOWN_INSTRUMENT -> "instrument not traded by the book";
            case AuditKind.REFUSED_LIMIT_VALUE -> "limit value out of range";
            case AuditKind.REFUSED_BOOK_ONLY -> "a book's own limit, with no engine-wide cap";
            case AuditKind.REFUSED_LIVE_VENUE -> "the simulated venue's charge, not for a live venue's book";
            default -> "unknown";
        };
    }

    private static void scope(final StringBuilder out, final int book, final String[] bookNames) {
        if (book < 0) {
            out.append(",\"scope\":\"global\"");
        } else {
            out.append(",\"scope\":\"book\"");
            book(out, book, bookNames);
        }
    }

    private static void book(final StringBuilder out, final int book, final String[] bookNames) {
        out.append(",\"book\":");
        string(out, book >= 0 && book < bookNames.length ? bookNames[book] : "#" + book);
    }

    private static void symbol(final StringBuilder out, final int instrument, final String[] symbols) {
        out.append(",\"symbol\":");
        string(out, instrument >= 0 && instrument < symbols.length ? symbols[instrument] : "#" + instrument);
    }

    private static void money(final StringBuilder out, final String key, final long value) {
        out.append(",\"").append(key).append("\":\"");
        FixedPoint.appendTo(out, value).append('"');
    }

    /** Appends {@code text} as a JSON string (quoted and escaped). */
    public static StringBuilder string(final StringBuilder out, final String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            final char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"');
    }

    /**
     * An edge line: {@code {"time":..,"by":"edge","event":..,<fields>}} where {@code fields} is the rest of the
     * object, already JSON (without braces), or empty.
     */
    public static String edgeLine(final long epochMillis, final String event, final String fields) {
        final StringBuilder out = new StringBuilder(128 + fields.length());
        out.append("{\"time\":\"").append(OutputFiles.isoTime(epochMillis * 1_000_000L))
            .append("\",\"by\":\"edge\",\"event\":");
        string(out, event);
        if (!fields.isEmpty()) {
            out.append(',').append(fields);
        }
        return out.append("}\n").toString();
    }
}
