package io.ringtrade.engine.api.strategy;

/**
 * A handle to one indicator value per bar, resolved once when a strategy is created ({@link Indicators#column},
 * {@link Indicators#rsi}, ...) and read at every bar with {@link Row#get(Column)}: an array index, no name lookup.
 * The same handle reads the same column on every instrument the strategy trades. Immutable.
 */
public final class Column {
    private final String name;
    private final int slot;
    private final Indicators owner;

    Column(final String name, final int slot, final Indicators owner) {
        this.name = name;
        this.slot = slot;
        this.owner = owner;
    }

    /** The column's name: a {@code ta} column name, or e.g. {@code bollinger(20, 2.0).upper}. */
    public String name() {
        return name;
    }

    /** Where the engine keeps this column's value in a row (declaration order of the outputs). */
    public int slot() {
        return slot;
    }

    /** True when {@code indicators} declared this column. */
    public boolean isDeclaredBy(final Indicators indicators) {
        return owner == indicators;
    }

    @Override
    public String toString() {
        return name;
    }
}
