package io.ringtrade.adapters.venue.xchange;

import io.ringtrade.adapters.venue.VenueException;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.config.VenueConfig;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.marketdata.BinanceKline;
import org.knowm.xchange.binance.dto.marketdata.KlineInterval;
import org.knowm.xchange.binance.service.BinanceMarketDataServiceRaw;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.kraken.KrakenExchange;
import org.knowm.xchange.kraken.dto.marketdata.KrakenOHLC;
import org.knowm.xchange.kraken.service.KrakenMarketDataServiceRaw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A crypto exchange's bar history through XChange's exchange-specific market-data services: Binance's klines
 * ({@code BinanceMarketDataServiceRaw.klines}: up to 1,000 bars from a start time) and Kraken's OHLC
 * ({@code KrakenMarketDataServiceRaw.getKrakenOHLC}: up to 720 bars since a time; Kraken serves only its latest 720
 * bars of an interval, whatever is asked). XChange's generic API has no history call, so other exchanges have none.
 * Paging and the request rate are the caller's ({@code ringtrade download}): each {@link #page} is one request. Main
 * thread.
 */
public final class XChangeHistory {
    /** Binance's largest kline page. */
    static final int BINANCE_PAGE = 1000;
    private static final Map<Interval, KlineInterval> BINANCE = Map.of(Interval.M1, KlineInterval.m1, Interval.M5,
        KlineInterval.m5, Interval.M15, KlineInterval.m15, Interval.M30, KlineInterval.m30, Interval.H1,
        KlineInterval.h1, Interval.H4, KlineInterval.h4, Interval.D1, KlineInterval.d1, Interval.W1, KlineInterval.w1,
        Interval.MO1, KlineInterval.M1);
    private static final Map<Interval, Integer> KRAKEN_MINUTES = Map.of(Interval.M1, 1, Interval.M5, 5, Interval.M15,
        15, Interval.M30, 30, Interval.H1, 60, Interval.H4, 240, Interval.D1, 1440, Interval.W1, 10080);

    private final Exchange exchange;
    private final String name;

    private XChangeHistory(final Exchange exchange, final String name) {
        this.exchange = exchange;
        this.name = name;
    }

    /**
     * The history of the exchange {@code venue} names ({@code base-url} overrides its URL, as for trading).
     *
     * @throws IllegalArgumentException naming what is wrong when the exchange has no history call here
     */
    public static XChangeHistory open(final VenueConfig venue) {
        final Class<? extends Exchange> type = XChangeVenues.exchangeClass(venue);
        if (type != BinanceExchange.class && type != KrakenExchange.class) {
            throw new IllegalArgumentException("download from " + venue.label() + " is not available: XChange's"
                + " generic API has no history call (Binance klines, Kraken OHLC and Alpaca bars are supported)");
        }
        final ExchangeSpecification spec = XChangeVenues.specification(venue, type);
        // history needs none of the exchange's metadata (symbols, fees): no start-up requests beyond the pages
        spec.setShouldLoadRemoteMetaData(false);
        return new XChangeHistory(ExchangeFactory.INSTANCE.createExchange(spec), venue.label());
    }

    /** The most bars one page holds. */
    public int pageLimit() {
        return exchange instanceof BinanceExchange ? BINANCE_PAGE : 720;
    }

    /**
     * One request: the bars of {@code symbol} (a pair, e.g. {@code BTC/USDT}) starting at or after {@code fromMillis}
     * and no later than {@code toMillis}, oldest first, each {@code {start epoch ms, open, high, low, close, volume}}
     * fixed-point; empty when there are none.
     *
     * @throws IllegalArgumentException when the exchange has no bars of this interval
     */
    public List<long[]> page(final String symbol, final Interval interval, final long fromMillis, final long toMillis)
        throws VenueException {
        final CurrencyPair pair = new CurrencyPair(symbol);
        final List<long[]> bars = new ArrayList<>();
        try {
            if (exchange instanceof BinanceExchange) {
                final KlineInterval klines = BINANCE.get(interval);
                if (klines == null) {
                    throw new IllegalArgumentException(name + " has no " + interval + " klines");
                }
                for (final BinanceKline k : ((BinanceMarketDataServiceRaw) exchange.getMarketDataService())
                    .klines(pair, klines, BINANCE_PAGE, fromMillis, toMillis)) {
                    if (k.getOpenTime() >= fromMillis && k.getOpenTime() <= toMillis) {
                        bars.add(new long[] {k.getOpenTime(), Decimals.fixed(k.getOpen()), Decimals.fixed(k.getHigh()),
                            Decimals.fixed(k.getLow()), Decimals.fixed(k.getClose()), Decimals.fixed(k.getVolume())});
                    }
                }
            } else {
                final Integer minutes = KRAKEN_MINUTES.get(interval);
                if (minutes == null) {
                    throw new IllegalArgumentException(name + " has no " + interval + " OHLC (1m to 1wk)");
                }
                // Kraken's "since" is exclusive, in seconds: from the first whole second at or after fromMillis
                final long since = Math.ceilDiv(fromMillis, 1000L) - 1;
                for (final KrakenOHLC bar : ((KrakenMarketDataServiceRaw) exchange.getMarketDataService())
                    .getKrakenOHLC(pair, minutes, since).getOHLCs()) {
                    final long start = bar.getTime() * 1000L;
                    if (start >= fromMillis && start <= toMillis) {
                        bars.add(new long[] {start, Decimals.fixed(bar.getOpen()), Decimals.fixed(bar.getHigh()),
                            Decimals.fixed(bar.getLow()), Decimals.fixed(bar.getClose()),
                            Decimals.fixed(bar.getVolume())});
                    }
                }
            }
        } catch (final IllegalArgumentException e) {
            throw e;
        } catch (final Exception e) {
            throw XChangeVenueClient.sorted(e);
        }
        return bars;
    }
}
