package io.ringtrade.engine.indicator.ta;

/**
 * An indicator node whose {@link #update} reads, of the bar's doubles, only the close ({@link BarInput#c}): extending
 * this instead of {@link IndicatorNode} is the whole declaration of {@link #readsOnlyTheClose}. A node that reads the
 * open, high, low or volume as doubles must not extend it (they read NaN when every node of an instrument is one of
 * these; {@code RowTest} declares each column alone and would see the difference). Business-logic thread only.
 */
abstract class CloseOnlyNode extends IndicatorNode {
    @Override
    public final boolean readsOnlyTheClose() {
        return true;
    }
}
