package io.ringtrade.engine.config;

/**
 * How the engine trades. Only paper trading exists for now; live venues come later and will add a
 * constant here, so that an older engine refuses a newer configuration instead of trading live by surprise.
 *
 * <p>Immutable; read on the start-up (main) thread.
 */
public enum Mode implements ConfigChoice {
    /** Orders fill on the simulated venue against the replayed or live market data; no venue is contacted. */
    PAPER("paper");

    private final String label;

    Mode(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
