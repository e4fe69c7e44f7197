package io.ringtrade.cli;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.config.InstrumentConfig;

/**
 * The instruments a backtest knows tick and lot sizes for: the shipped {@code config/instruments.conf}. Symbols
 * not listed there trade with the finest steps (1e-8). Start-up thread only.
 */
final class Instruments {
    private Instruments() {
    }

    /** A registry pre-filled with the shipped instruments. */
    static InstrumentRegistry registry() {
        return InstrumentConfig.newRegistry(EngineConfigLoader.loadInstruments(EngineConfigLoader.INSTRUMENTS_LOCATION));
    }
}
