/**
 * The building blocks of the indicators: exact 192-bit sums of fixed-point values and products, rings, drift-free
 * rolling sums of doubles, rolling extremes (monotonic deques), {@code pandas}' exponentially weighted mean and NumPy's
 * pairwise summation. All bounded, allocation-free after construction, and snapshot-able bit for bit.
 * Business-logic thread only.
 */
package io.ringtrade.engine.indicator.rolling;
