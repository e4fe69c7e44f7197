package io.ringtrade.adapters.venue.xchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.adapters.venue.VenueException;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.MarketHoursRule;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Bar history through XChange's Binance and Kraken market-data services, against {@link FakeCryptoHistory} on
 * loopback serving real ETH/USD 5-minute bars (ta4j-examples, 2023-03-13/15): the bars come back as the file has
 * them, within the asked range, oldest first.
 */
final class XChangeHistoryTest {
    private static final Path ETH = Path.of("target/data/ETH-USD-PT5M-2023-3-13_2023-3-15.json");

    private final FakeCryptoHistory fake = new FakeCryptoHistory(ETH);

    XChangeHistoryTest() throws IOException {
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    static VenueConfig venue(final String exchangeClass, final String url) {
        return new VenueConfig(VenueType.XCHANGE, exchangeClass, "", "", false, url, url, Map.of(), 64,
            Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofSeconds(30), 3, MarketHoursRule.REFUSE,
            Duration.ofSeconds(5), Map.of(), 0);
    }

    private void shouldServeThePage(final String exchangeClass, final String symbol) throws VenueException {
        final XChangeHistory history = XChangeHistory.open(venue(exchangeClass, fake.url()));
        final String[] first = fake.bars.get(10);
        final long from = Long.parseLong(first[0]);
        final List<long[]> page = history.page(symbol, Interval.M5, from, from + 4 * 300_000);

        assertThat(page).hasSize(5);
        for (int i = 0; i < 5; i++) {
            final String[] expected = fake.bars.get(10 + i);
            assertThat(page.get(i)).containsExactly(Long.parseLong(expected[0]), FixedPoint.parse(expected[1]),
                FixedPoint.parse(expected[2]), FixedPoint.parse(expected[3]), FixedPoint.parse(expected[4]),
                FixedPoint.parse(expected[5]));
        }
    }

    @Test
    void shouldReadBinanceKlines() throws VenueException {
        shouldServeThePage("org.knowm.xchange.binance.BinanceExchange", "ETH/USDT");
        assertThat(fake.queries.getLast()).startsWith("/api/v3/klines?").contains("symbol=ETHUSDT", "interval=5m",
            "limit=1000");
    }

    @Test
    void shouldReadKrakenOhlc() throws VenueException {
        shouldServeThePage("org.knowm.xchange.kraken.KrakenExchange", "ETH/USD");
        assertThat(fake.queries.getLast()).startsWith("/0/public/OHLC?").contains("interval=5");
    }
}
