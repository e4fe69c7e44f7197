package io.ringtrade.engine.api.venue;

import io.ringtrade.engine.api.event.ExecutionReport;

/**
 * Receives a venue's reports. Inside business logic the order manager is the listener of the simulated venue and
 * is called synchronously on the business-logic thread; the report object is reused after the call returns.
 */
@FunctionalInterface
public interface ExecutionReportListener {
    /** One report; valid only during the call. */
    void onReport(ExecutionReport report);
}
