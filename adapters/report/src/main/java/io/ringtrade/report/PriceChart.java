package io.ringtrade.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The price of one instrument with a marker at each fill, aligned on one time axis for the chart: {@code times} is
 * the union of the price times and the fill times; {@code closes}, {@code buys} and {@code sells} hold a value at
 * the times they have one and NaN elsewhere. Fills at the same time on the same side share one marker (at the
 * first of their prices). Prices come from {@code prices.csv} ({@code time,symbol,close}, the closes the run saw);
 * without it the line joins the fill prices. Immutable; the report-building thread.
 *
 * @param symbol     the instrument
 * @param fromPrices true when the line is the run's closes, false when it joins fill prices
 * @param times      epoch seconds, increasing
 * @param closes     the price line
 * @param buys       buy fill prices
 * @param sells      sell fill prices
 * @param fills      fills of this instrument in trades.csv
 */
record PriceChart(String symbol, boolean fromPrices, double[] times, double[] closes, double[] buys, double[] sells,
                  int fills) {

    /** Number of buy markers. */
    int buyMarkers() {
        return count(buys);
    }

    /** Number of sell markers. */
    int sellMarkers() {
        return count(sells);
    }

    private static int count(final double[] values) {
        int n = 0;
        for (final double value : values) {
            if (!Double.isNaN(value)) {
                n++;
            }
        }
        return n;
    }

    /** One chart per symbol, in the order symbols first appear in the prices (then in the trades). */
    static List<PriceChart> build(final CsvTable prices, final CsvTable trades) {
        final Map<String, TreeMap<Double, Double>> closes = new LinkedHashMap<>();
        if (prices != null) {
            final int time = prices.require("time");
            final int symbol = prices.require("symbol");
            final int close = prices.require("close");
            for (int i = 0; i < prices.size(); i++) {
                closes.computeIfAbsent(prices.text(i, symbol), s -> new TreeMap<>())
                    .put(prices.epochSeconds(i, time), prices.number(i, close));
            }
        }
        final Map<String, TreeMap<Double, Double>> buys = new LinkedHashMap<>();
        final Map<String, TreeMap<Double, Double>> sells = new LinkedHashMap<>();
        final Map<String, Integer> fills = new LinkedHashMap<>();
        final Map<String, TreeMap<Double, Double>> fillLine = new LinkedHashMap<>();
        if (trades != null) {
            final int time = trades.require("time");
            final int symbol = trades.require("symbol");
            final int side = trades.require("side");
            final int price = trades.require("price");
            for (int i = 0; i < trades.size(); i++) {
                final String name = trades.text(i, symbol);
                final double at = trades.epochSeconds(i, time);
                final double value = trades.number(i, price);
                final String direction = trades.text(i, side);
                final Map<String, TreeMap<Double, Double>> markers = switch (direction) {
                    case "BUY" -> buys;
                    case "SELL" -> sells;
                    default -> throw trades.problem(i, side, "'" + direction + "' is not BUY or SELL");
                };
                markers.computeIfAbsent(name, s -> new TreeMap<>()).putIfAbsent(at, value);
                fillLine.computeIfAbsent(name, s -> new TreeMap<>()).putIfAbsent(at, value);
                fills.merge(name, 1, Integer::sum);
            }
        }
        final List<String> symbols = new ArrayList<>(closes.keySet());
        for (final String symbol : fills.keySet()) {
            if (!symbols.contains(symbol)) {
                symbols.add(symbol);
            }
        }
        final List<PriceChart> charts = new ArrayList<>();
        for (final String symbol : symbols) {
            final boolean fromPrices = closes.containsKey(symbol);
            final TreeMap<Double, Double> line = fromPrices ? closes.get(symbol) : fillLine.get(symbol);
            final TreeMap<Double, Double> buy = buys.getOrDefault(symbol, new TreeMap<>());
            final TreeMap<Double, Double> sell = sells.getOrDefault(symbol, new TreeMap<>());
            final TreeMap<Double, Boolean> axis = new TreeMap<>();
            line.keySet().forEach(t -> axis.put(t, true));
            buy.keySet().forEach(t -> axis.put(t, true));
            sell.keySet().forEach(t -> axis.put(t, true));
            final double[] times = axis.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            charts.add(new PriceChart(symbol, fromPrices, times, aligned(times, line), aligned(times, buy),
                aligned(times, sell), fills.getOrDefault(symbol, 0)));
        }
        return charts;
    }

    private static double[] aligned(final double[] times, final Map<Double, Double> values) {
        final double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            final Double value = values.get(times[i]);
            out[i] = value == null ? Double.NaN : value;
        }
        return out;
    }
}
