package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.strategy.DoubleArrayCell;
import io.ringtrade.engine.api.strategy.DoubleCell;
import io.ringtrade.engine.api.strategy.LongArrayCell;
import io.ringtrade.engine.api.strategy.LongCell;
import io.ringtrade.engine.api.strategy.StrategyState;
import io.ringtrade.engine.api.strategy.WeightLog;
import io.ringtrade.engine.output.OutputStreams;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link StrategyState} of one strategy instance: the cells it asked for at creation, written into and read back
 * from business logic's snapshot by name and kind, in the order they were asked for. Closed once the strategy is
 * built: asking later is refused, so the set of cells (and the snapshot's layout) is fixed before the first input.
 *
 * <p>Built on the start-up thread, then owned by the business-logic thread.
 */
public final class StrategyStateStore implements StrategyState {
    private final String owner;
    private final List<String> names = new ArrayList<>();
    private final List<Object> cells = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();
    private boolean closed;
    private BookWeightLog weightLog;

    /** An empty store for the strategy of book {@code owner} (named in messages). */
    public StrategyStateStore(final String owner) {
        this.owner = owner;
    }

    @Override
    public LongCell longCell(final String name, final long initial) {
        return register(name, new LongCell(initial));
    }

    @Override
    public DoubleCell doubleCell(final String name, final double initial) {
        return register(name, new DoubleCell(initial));
    }

    @Override
    public LongArrayCell longArray(final String name, final int length, final long initial) {
        checkLength(name, length);
        return register(name, new LongArrayCell(length, initial));
    }

    @Override
    public DoubleArrayCell doubleArray(final String name, final int length, final double initial) {
        checkLength(name, length);
        return register(name, new DoubleArrayCell(length, initial));
    }

    @Override
    public WeightLog weightLog(final List<String> members) {
        if (closed) {
            throw new IllegalStateException("book " + owner + ": weight log asked for after the strategy was built");
        }
        if (weightLog != null) {
            throw new IllegalStateException("book " + owner + ": weight log asked for twice");
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("book " + owner + ": a weight log needs members");
        }
        weightLog = new BookWeightLog(members);
        return weightLog;
    }

    /** Sends the weight log's rows, if the strategy asked for one, to {@code outputs} as book {@code book}'s. */
    public void connectWeightLog(final OutputStreams outputs, final int book) {
        if (weightLog != null) {
            weightLog.connect(outputs, book);
        }
    }

    private void checkLength(final String name, final int length) {
        if (length < 0 || length > 1 << 20) {
            throw new IllegalArgumentException("book " + owner + ": state '" + name + "' length " + length
                + " is out of range (0 to 1048576)");
        }
    }

    private <T> T register(final String name, final T cell) {
        if (closed) {
            throw new IllegalStateException("book " + owner + ": strategy state '" + name
                + "' asked for after the strategy was built");
        }
        if (name == null || name.isEmpty() || !taken.add(name)) {
            throw new IllegalArgumentException("book " + owner + ": strategy state name '" + name
                + "' is empty or used twice");
        }
        names.add(name);
        cells.add(cell);
        return cell;
    }

    /** No more cells: called once the strategy is built. */
    public void close() {
        closed = true;
    }

    /** Whether {@code value} is one of this store's cells (the state policy accepts those as fields). */
    public boolean owns(final Object value) {
        if (value != null && value == weightLog) {
            return true;
        }
        for (final Object cell : cells) {
            if (cell == value) {
                return true;
            }
        }
        return false;
    }

    /** Writes every cell for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("strategy-state " + owner).writeInt(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            out.writeString(names.get(i));
            switch (cells.get(i)) {
                case LongCell cell -> out.writeInt(0).writeLong(cell.get());
                case DoubleCell cell -> out.writeInt(1).writeDouble(cell.get());
                case LongArrayCell cell -> {
                    out.writeInt(2).writeInt(cell.length());
                    for (int j = 0; j < cell.length(); j++) {
                        out.writeLong(cell.get(j));
                    }
                }
                case DoubleArrayCell cell -> {
                    out.writeInt(3).writeInt(cell.length());
                    for (int j = 0; j < cell.length(); j++) {
                        out.writeDouble(cell.get(j));
                    }
                }
                default -> throw new IllegalStateException("unknown cell " + cells.get(i));
            }
        }
    }

    /** Restores every cell from a snapshot written with the same cells. */
    public void readState(final StateReader in) {
        in.section("strategy-state " + owner);
        in.expectInt(cells.size(), "number of strategy state cells of book " + owner);
        for (int i = 0; i < cells.size(); i++) {
            final String name = in.readString();
            if (!name.equals(names.get(i))) {
                throw new SnapshotFormatException("strategy state of book " + owner
                    + ": cell '" + name + "' where '" + names.get(i) + "' was expected");
            }
            final int kind = in.readInt();
            switch (cells.get(i)) {
                case LongCell cell when kind == 0 -> cell.set(in.readLong());
                case DoubleCell cell when kind == 1 -> cell.set(in.readDouble());
                case LongArrayCell cell when kind == 2 -> {
                    in.expectInt(cell.length(), "length of " + name);
                    for (int j = 0; j < cell.length(); j++) {
                        cell.set(j, in.readLong());
                    }
                }
                case DoubleArrayCell cell when kind == 3 -> {
                    in.expectInt(cell.length(), "length of " + name);
                    for (int j = 0; j < cell.length(); j++) {
                        cell.set(j, in.readDouble());
                    }
                }
                default -> throw new SnapshotFormatException("strategy state of book "
                    + owner + ": cell '" + name + "' has another kind");
            }
        }
    }
}
