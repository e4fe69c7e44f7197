package io.ringtrade.engine.output;

/**
 * One slot of {@link CsvOutputWriter}'s ring: an output row in primitive fields, pre-allocated and reused, filled by
 * the business-logic thread and formatted by the writer thread. Which {@link #values} mean what depends on
 * {@link #type}:
 * <pre>
 *  type          0      1         2           3          4          5            6         7          8
 *  FILL          time   book      instrument  side       quantity   price        fee       order id   realized
 *  EQUITY        time   equity    cash        positions  benchmark  in position (1 or 0)
 *  ORDER_EVENT   time   order id  book        instrument side       order type   quantity  notional   price
 *                then 9 transition, 10 state, 11 reason, 12 last quantity, 13 last price, 14 filled quantity
 *  ROUND_TRIP    book   instrument opened     closed     P&amp;L
 *  LARGE         time   book      instrument  side       quantity   price        notional
 *  AUDIT         time   entry     ordinal     kind       book       instrument   then 6-11 the numbers a-f
 *  ENTRY         time   book      instrument  side       entry      quantity     price     average    position
 *                then 9 order id
 *  FILL          (as above) then 9 reason
 *  WEIGHT        time   book      member      old bits   new bits   reason       reward bits  trades
 *  SYNC          token
 * </pre>
 * Money and quantities are fixed-point 1e-8, times epoch nanoseconds; codes as {@link OutputSink} documents; "bits" are
 * doubles as {@link Double#doubleToRawLongBits}.
 */
final class OutputRecord {
    static final int FILL = 1;
    static final int EQUITY = 2;
    static final int ORDER_EVENT = 3;
    static final int ROUND_TRIP = 4;
    static final int SYNC = 5;
    static final int LARGE = 6;
    static final int AUDIT = 7;
    static final int ENTRY = 8;
    static final int WEIGHT = 9;

    /** Record type. */
    int type;
    /** The fields, by the table above. */
    final long[] values = new long[15];
}
