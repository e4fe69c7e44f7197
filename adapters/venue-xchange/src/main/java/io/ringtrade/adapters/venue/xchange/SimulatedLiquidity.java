package io.ringtrade.adapters.venue.xchange;

import io.ringtrade.engine.api.money.FixedPoint;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order;
import org.knowm.xchange.dto.trade.LimitOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A liquidity account in a {@link SimulatedMarket}: on each trade of the market-data feed it replaces its two quotes
 * with a bid and an ask {@code spreadBps} away from the trade's price, so orders sent through the live venue path
 * find a counterparty at the feed's prices. Lives at the edge (the feed's thread), never in business logic.
 */
public final class SimulatedLiquidity {
    /** The API key of the liquidity account. */
    public static final String ACCOUNT = "ringtrade-liquidity";
    private static final long CENT = 1_000_000L;

    private final Exchange exchange;
    private final Object lock;
    private final CurrencyPair pair;
    private final long spreadBps;
    private final BigDecimal size;
    private final List<String> quotes = new ArrayList<>();
    private long quotedPrice;

    /** Quotes of {@code size} each in {@code symbol}, {@code spreadBps} around each trade. */
    public SimulatedLiquidity(final SimulatedMarket market, final String symbol, final long spreadBps,
                              final BigDecimal size) {
        this.exchange = market.exchange(ACCOUNT);
        this.lock = market.lock();
        this.pair = new CurrencyPair(symbol);
        this.spreadBps = spreadBps;
        this.size = size;
        market.deposit(ACCOUNT, pair.getBase().getCurrencyCode(), size.multiply(BigDecimal.valueOf(1_000_000)));
        market.deposit(ACCOUNT, pair.getCounter().getCurrencyCode(), BigDecimal.valueOf(1_000_000_000_000L));
    }

    /** A trade at {@code price} (fixed-point): the quotes move around it. */
    public synchronized void onTrade(final long price) {
        if (price == quotedPrice || price <= 0) {
            return;
        }
        quotedPrice = price;
        synchronized (lock) {
            quote(price);
        }
    }

    private void quote(final long price) {
        try {
            for (final String id : quotes) {
                exchange.getTradeService().cancelOrder(id);
            }
            quotes.clear();
            // on the cent: the simulated exchange quotes BTC/USD at two decimals
            final long bid = Math.floorDiv(FixedPoint.mulDiv(price, 10_000 - spreadBps, 10_000, RoundingMode.FLOOR),
                CENT) * CENT;
            final long ask = -Math.floorDiv(-FixedPoint.mulDiv(price, 10_000 + spreadBps, 10_000, RoundingMode.CEILING),
                CENT) * CENT;
            quotes.add(exchange.getTradeService().placeLimitOrder(new LimitOrder.Builder(Order.OrderType.BID, pair)
                .originalAmount(size).limitPrice(Decimals.decimal(bid)).build()));
            quotes.add(exchange.getTradeService().placeLimitOrder(new LimitOrder.Builder(Order.OrderType.ASK, pair)
                .originalAmount(size).limitPrice(Decimals.decimal(ask)).build()));
        } catch (final IOException e) {
            throw new UncheckedIOException("simulated liquidity: " + e.getMessage(), e);
        }
    }
}
