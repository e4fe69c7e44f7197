package io.ringtrade.cli;

import java.nio.file.Path;

/** Paths of the real market data the build unpacks from ta4j-examples (never committed). */
final class RealData {
    private RealData() {
    }

    static Path dir() {
        return Path.of(System.getProperty("ringtrade.data.dir", "target/data"));
    }

    static Path apple() {
        return dir().resolve("appleinc_bars_from_20130101_usd.csv");
    }

    static Path bitstamp() {
        return dir().resolve("bitstamp_trades_from_20131125_usd.csv");
    }
}
