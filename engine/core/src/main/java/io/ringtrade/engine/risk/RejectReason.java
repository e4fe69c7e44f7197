package io.ringtrade.engine.risk;

/** Why a pre-trade check refused an order intent; written in {@code orders.csv} and counted. */
public enum RejectReason {
    /** Notional below the book's minimum (default 10 in the book's currency). */
    MIN_NOTIONAL,
    /** The order would open or extend a short position and the book does not allow shorting. */
    SHORT_NOT_ALLOWED,
    /** A buy the book's cash cannot pay for (no leverage). */
    INSUFFICIENT_CASH,
    /** The quantity rounds down to zero lots. */
    ZERO_QUANTITY
}
