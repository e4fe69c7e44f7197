package io.ringtrade.adapters.venue.xchange;

import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.currency.Currency;
import org.knowm.xchange.simulated.AccountFactory;
import org.knowm.xchange.simulated.MatchingEngineFactory;
import org.knowm.xchange.simulated.SimulatedExchange;
import org.knowm.xchange.simulated.SimulatedExchangeOperationListener;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One XChange simulated market: the accounts and matching engines that every {@link SimulatedExchange} built from it
 * shares (XChange keys accounts by API key), so the engine's account, a liquidity account and a test's hand all trade
 * in one book. It lives as long as its process: a restarted engine finds a new, empty market, and reconciliation
 * then marks the orders it had open as lost. {@link #failures} injects exceptions into every operation through
 * XChange's {@link SimulatedExchangeOperationListener} hook. Any thread (the matching engine synchronizes itself).
 */
public final class SimulatedMarket {
    /** The market of this process, used by {@code ringtrade run} and {@code verify-venue}. */
    public static final SimulatedMarket PROCESS = new SimulatedMarket();

    private final AccountFactory accounts = new AccountFactory();
    private final MatchingEngineFactory engines = new MatchingEngineFactory(accounts);
    private final AtomicReference<SimulatedExchangeOperationListener> failures = new AtomicReference<>();
    private final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    /**
     * The lock every caller of this market's exchanges holds: XChange's simulated matching engine does not synchronize
     * its cancels, so a liquidity account and the venue adapter calling at once would corrupt its book.
     */
    public Object lock() {
        return lock;
    }

    /**
     * The exchange trading this market with the account of {@code apiKey}: one instance per key, since XChange's
     * simulated exchange zeroes its account's balances whenever an instance for that key is created.
     */
    public Exchange exchange(final String apiKey) {
        return exchanges.computeIfAbsent(apiKey, this::create);
    }

    private Exchange create(final String apiKey) {
        final ExchangeSpecification spec = new ExchangeSpecification(SimulatedExchange.class);
        spec.setApiKey(apiKey);
        spec.setExchangeSpecificParametersItem(SimulatedExchange.ENGINE_FACTORY_PARAM, engines);
        spec.setExchangeSpecificParametersItem(SimulatedExchange.ACCOUNT_FACTORY_PARAM, accounts);
        spec.setExchangeSpecificParametersItem(SimulatedExchange.ON_OPERATION_PARAM,
            (SimulatedExchangeOperationListener) () -> {
                final SimulatedExchangeOperationListener inject = failures.get();
                if (inject != null) {
                    inject.onSimulatedExchangeOperation();
                }
            });
        return ExchangeFactory.INSTANCE.createExchange(spec);
    }

    /** Credits {@code amount} of {@code currency} to the account of {@code apiKey}. */
    public void deposit(final String apiKey, final String currency, final BigDecimal amount) {
        synchronized (lock) {
            ((SimulatedExchange) exchange(apiKey)).getAccountService().deposit(Currency.getInstance(currency), amount);
        }
    }

    /**
     * Every operation of every exchange of this market first calls {@code listener} (null: none), which may throw an
     * {@link IOException}: XChange's exception injection, for reconnect tests.
     */
    public void failures(final SimulatedExchangeOperationListener listener) {
        failures.set(listener);
    }
}
