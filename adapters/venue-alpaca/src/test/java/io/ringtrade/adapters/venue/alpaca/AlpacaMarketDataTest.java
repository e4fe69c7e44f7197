package io.ringtrade.adapters.venue.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.adapters.venue.VenueMarketData;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.money.FixedPoint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The polling feed of a dry run ({@code feed.type = venue}) against the fake Alpaca: a trade when the last trade
 * changes, a quote when both sides are there, a quote missing its bid counted as unusable and never published.
 */
final class AlpacaMarketDataTest {
    @Test
    void shouldPublishTradesAndUsableQuotesAndCountTheUnusable() throws IOException {
        try (FakeAlpaca fake = new FakeAlpaca();
             AlpacaVenueClient client = new AlpacaVenueClient(fake.url(), fake.url(), "key", "s", Duration.ofSeconds(5))) {
            final VenueMarketData feed = new VenueMarketData(client, List.of("AAPL"), 1_000_000L, () -> 0);
            final EngineEvent slot = new EngineEvent();

            assertThat(feed.next(slot)).isTrue();
            assertThat(slot.marketDataKind).isEqualTo(MarketDataKind.TRADE);
            assertThat(slot.price).isEqualTo(FixedPoint.parse("150.00"));
            assertThat(slot.quantity).isEqualTo(FixedPoint.of(100));
            // the later of the quote's and the trade's stamps
            assertThat(slot.eventTimeNanos).isEqualTo(Instant.parse("2024-01-02T15:00:01Z").toEpochMilli() * 1_000_000L);
            assertThat(feed.next(slot)).isTrue();
            assertThat(slot.marketDataKind).isEqualTo(MarketDataKind.QUOTE);
            assertThat(slot.bidPrice).isEqualTo(FixedPoint.parse("149.98"));
            assertThat(slot.bidQuantity).isEqualTo(FixedPoint.of(5));
            assertThat(slot.askPrice).isEqualTo(FixedPoint.parse("150.02"));
            assertThat(slot.askQuantity).isEqualTo(FixedPoint.of(3));

            // an illiquid moment: no bid; the last trade moved
            fake.quoteJson = "{\"symbol\":\"AAPL\",\"quote\":{\"t\":\"2024-01-02T15:00:00Z\",\"ap\":150.02,\"as\":3}}";
            fake.price = new BigDecimal("150.10");
            assertThat(feed.next(slot)).isTrue();
            assertThat(slot.marketDataKind).isEqualTo(MarketDataKind.TRADE);
            assertThat(slot.price).isEqualTo(FixedPoint.parse("150.10"));
            assertThat(feed.unusableQuotes()).isEqualTo(1);

            feed.close();
            assertThat(feed.next(slot)).isFalse();
        }
    }
}
