/**
 * The indicator families of the Python {@code ta} library (bukosabino/ta 0.11.0), one incremental node each, with
 * {@code ta}'s definitions: seeding, warm-up, where it gives 0.0 instead of NaN, tie rules and scale. Each node's
 * comment gives its definition; {@link io.ringtrade.engine.indicator.ta.IndicatorNodes} maps an
 * {@link io.ringtrade.engine.api.strategy.IndicatorSpec} to its node. Business-logic thread only.
 *
 * <p>Pointwise formulas are evaluated in the same doubles and order as {@code ta} (so comparisons such as "did the
 * typical price rise" fall the same way); sums of prices and volumes over windows are exact fixed-point integers;
 * sums of derived doubles over windows never subtract (so they cannot drift); recursive averages follow
 * {@code pandas}' {@code ewm} step by step.
 */
package io.ringtrade.engine.indicator.ta;
