package io.ringtrade.adapters.ops;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.audit.AuditFormat;
import io.ringtrade.engine.output.OutputFiles;

/**
 * A small streaming JSON writer for the ops API's answers: objects and arrays written in order, commas placed for the
 * caller, strings escaped, money and quantities as exact decimal strings (fixed-point never goes through a double),
 * times as ISO-8601 UTC strings, ratios as JSON numbers (non-finite ones as null). Not thread-safe: one per answer.
 *
 * <p>Written by hand rather than with Jackson: the answers are small and flat, and the engine's jar must not bring a
 * second Jackson next to the one the venue adapters' XChange pins.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder(512);
    private boolean first = true;

    JsonWriter beginObject() {
        comma();
        out.append('{');
        first = true;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        first = false;
        return this;
    }

    JsonWriter beginArray() {
        comma();
        out.append('[');
        first = true;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        first = false;
        return this;
    }

    /** A key; the value follows. */
    JsonWriter key(final String key) {
        comma();
        AuditFormat.string(out, key).append(':');
        first = true;
        return this;
    }

    JsonWriter value(final String text) {
        comma();
        if (text == null) {
            out.append("null");
        } else {
            AuditFormat.string(out, text);
        }
        first = false;
        return this;
    }

    JsonWriter value(final long number) {
        comma();
        out.append(number);
        first = false;
        return this;
    }

    JsonWriter value(final boolean flag) {
        comma();
        out.append(flag);
        first = false;
        return this;
    }

    /** A ratio or statistic; NaN and infinities are written as null. */
    JsonWriter number(final double number) {
        comma();
        if (Double.isFinite(number)) {
            out.append(number);
        } else {
            out.append("null");
        }
        first = false;
        return this;
    }

    /** A fixed-point amount as an exact decimal string, e.g. {@code "10000.5"}. */
    JsonWriter money(final long fixedPoint) {
        comma();
        out.append('"');
        FixedPoint.appendTo(out, fixedPoint).append('"');
        first = false;
        return this;
    }

    /** An event time as ISO-8601 UTC, or null for 0 (none yet). */
    JsonWriter time(final long epochNanos) {
        return epochNanos == 0 ? value((String) null) : value(OutputFiles.isoTime(epochNanos));
    }

    /** JSON already rendered (an audit line), inserted as it is. */
    JsonWriter raw(final String json) {
        comma();
        out.append(json);
        first = false;
        return this;
    }

    JsonWriter field(final String key, final String text) {
        return key(key).value(text);
    }

    JsonWriter field(final String key, final long number) {
        return key(key).value(number);
    }

    JsonWriter field(final String key, final boolean flag) {
        return key(key).value(flag);
    }

    JsonWriter moneyField(final String key, final long fixedPoint) {
        return key(key).money(fixedPoint);
    }

    JsonWriter numberField(final String key, final double number) {
        return key(key).number(number);
    }

    JsonWriter timeField(final String key, final long epochNanos) {
        return key(key).time(epochNanos);
    }

    private void comma() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
