package io.ringtrade.engine.config;

import java.util.List;
import java.util.Map;

/**
 * Configuration tests' fixture: a configuration written line by line as {@code test.conf} (argument {@code i} is line
 * {@code i + 1}, so expected line numbers can be read off), loaded with an empty environment, and the one instrument
 * and one book most tests start from. Test thread.
 */
final class ConfigText {
    /** 1.0 at the fixed-point scale. */
    static final long ONE = 100_000_000L;
    /** One BTC/USD instrument with a cent tick and a satoshi lot. */
    static final String BTC = "ringtrade.instruments = [ { symbol = \"BTC/USD\", currency = USD, "
        + "tick-size = 0.01, lot-size = 0.00000001 } ]";
    /** One book {@code a} running strategy {@code s} on BTC/USD. */
    static final String ONE_BOOK = "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"] } ]";

    private ConfigText() {
    }

    /** The configuration these lines make. */
    static EngineConfig load(final String... lines) {
        return new EngineConfigLoader().text(String.join("\n", lines), "test.conf").environment(Map.of()).load();
    }

    /** The problems the loader reports for these lines; fails when it accepts them. */
    static List<String> problems(final String... lines) {
        try {
            load(lines);
        } catch (final EngineConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the configuration to be refused");
    }
}
