package io.ringtrade.cli;

import com.typesafe.config.Config;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.audit.AuditFormat;
import io.ringtrade.engine.risk.RiskLimit;
import io.ringtrade.journal.OfflineCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/**
 * {@code ringtrade limits}: the engine-wide caps and each book's risk limits in force, or an operator's change of one
 * of them while the engine runs, through the ops HTTP API ({@code GET /status}, {@code GET /books},
 * {@code POST /books/{name}/limits}, {@code POST /limits}). The change is a journaled
 * command: replay and recovery apply it at the same input. The admin token comes from the environment only. Exit 0
 * when the engine applied the change, 1 when it answered without applying it, 2 for a user mistake, a refusal (an
 * unknown book, a value out of range) or an unreachable engine. With {@code --offline --journal DIR} the change goes
 * through the command queue beside the journal instead, as {@code kill-switch --offline} does (no HTTP, no token):
 * exit 0 once the running engine took it, 1 when it did not within {@code --wait}. Main thread.
 */
@Command(name = "limits", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Show the engine-wide caps and each book's risk limits in force, or change one while the engine runs "
        + "(journaled): limits --book NAME --set max_position_pct=20 [--reason TEXT], or limits --engine --set "
        + "max_daily_loss=1000 for the cap over every book. The admin token comes from "
        + "$RINGTRADE_ADMIN_TOKEN or the file named by $RINGTRADE_ADMIN_TOKEN_FILE. With --offline --journal DIR the "
        + "change goes through the command queue beside the journal (when HTTP is unreachable).")
public final class LimitsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "the engine's ops API (default: $RINGTRADE_URL, else "
        + OpsClient.URL_DEFAULT + ")")
    String url;

    @Option(names = "--book", paramLabel = "NAME", description = "the book whose limit to change")
    String book;

    @Option(names = "--engine", description = "change the engine-wide cap over every book's limit instead")
    boolean engine;

    @Option(names = "--set", paramLabel = "LIMIT=VALUE", description = "the limit and its new value (0 = none): "
        + "max_order_notional, max_position_pct, max_daily_loss, price_band_pct, max_orders_per_second, max_leverage "
        + "(a book's 0 or 1: a cash account), allow_short (true or false), or (a book's own) maintenance_margin_pct, "
        + "borrow_rate_pct, short_fee_pct, min_notional, max_short_notional (0: leverage × equity)")
    String set;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the audit log")
    String reason;

    @Option(names = "--offline", description = "queue the change beside the journal instead of calling the ops API")
    boolean offline;

    @Option(names = "--journal", paramLabel = "DIR", description = "with --offline: the engine's journal directory")
    Path journal;

    @Option(names = "--at-next-start", description = "with --offline: queue it although no engine runs, for its next "
        + "start")
    boolean atNextStart;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "with --offline: how long to wait for the running "
        + "engine to take it (default 5)")
    double waitSeconds = 5;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        if (offline != (journal != null) || (!offline && atNextStart)) {
            throw new UserException("--offline and --journal DIR go together (and --at-next-start needs both)");
        }
        if (offline && url != null) {
            throw new UserException("--url is the ops API's address; --offline does not use it");
        }
        if (offline && set == null) {
            throw new UserException("--offline changes a limit: it needs --set LIMIT=VALUE (and --book NAME or "
                + "--engine); the limits in force are shown through the ops API");
        }
        final OpsClient ops = offline ? null : new OpsClient(url);
        if (set == null) {
            if (book != null || engine || reason != null) {
                throw new UserException("--book, --engine and --reason need --set LIMIT=VALUE (without --set, limits "
                    + "shows every limit in force)");
            }
            out.println("engine-wide caps: " + inForce(ops.get("/status").getConfig("risk_caps"), "max_daily_loss",
                false));
            for (final Config each : ops.get("/books").getConfigList("books")) {
                // a book's view names its daily-loss limit daily_loss_limit: its daily_loss is what it lost today
                out.println(each.getString("name") + ": " + inForce(each, "daily_loss_limit", true));
            }
            out.flush();
            return 0;
        }
        if ((book == null) == !engine) {
            throw new UserException("--set needs one of --book NAME (a book's limit) or --engine (the engine-wide cap)");
        }
        final int equals = set.indexOf('=');
        final RiskLimit limit = equals < 0 ? null : RiskLimit.ofLabel(set.substring(0, equals).strip());
        if (limit == null) {
            throw new UserException("--set must be LIMIT=VALUE with LIMIT one of " + RiskLimit.labels() + ", got "
                + set);
        }
        if (engine && limit.bookOnly()) {
            throw new UserException(limit.label() + " is a book's own limit, with no engine-wide cap: set it with"
                + " --book NAME");
        }
        final String valueText = set.substring(equals + 1).strip();
        if (offline) {
            return queue(out, limit, valueText);
        }
        final StringBuilder body = new StringBuilder("{");
        AuditFormat.string(body, limit.label()).append(':');
        AuditFormat.string(body, valueText);
        if (reason != null) {
            AuditFormat.string(body.append(",\"reason\":"), reason);
        }
        final Config answer = ops.post(engine ? "/limits"
            : "/books/" + URLEncoder.encode(book, StandardCharsets.UTF_8).replace("+", "%20") + "/limits",
            body.append('}').toString());
        final boolean applied = answer.getBoolean("applied");
        out.println((engine ? "engine-wide" : "book " + answer.getString("limits.book")) + ": " + limit.label() + " "
            + answer.getString("limits." + limit.label()) + " in force" + (applied ? "" : " (not applied yet)")
            + ", journal entry " + answer.getLong("entry"));
        out.flush();
        return applied ? 0 : 1;
    }

    /**
     * Every limit in force in an ops API answer, as {@code label value, ...}; the daily loss's under its own key; a
     * book's own limits only for a book ({@code book}), the engine-wide caps having none of them.
     */
    private static String inForce(final Config limits, final String dailyLossKey, final boolean book) {
        final StringJoiner line = new StringJoiner(", ");
        for (final RiskLimit limit : RiskLimit.values()) {
            if (book || !limit.bookOnly()) {
                line.add(limit.label() + " " + limits.getString(limit == RiskLimit.MAX_DAILY_LOSS ? dailyLossKey
                    : limit.label()));
            }
        }
        return line.toString();
    }

    /**
     * Queues the change beside the journal (no HTTP) after the checks the ops API would make, and follows it to the
     * running engine.
     */
    private int queue(final PrintWriter out, final RiskLimit limit, final String valueText)
        throws InterruptedException {
        final long value = limit.parse(valueText);
        if (!limit.accepts(value)) {
            throw new UserException(limit.label() + " must be " + limit.range() + ", got " + valueText);
        }
        final OfflineQueueing queue = OfflineQueueing.check(journal, book, atNextStart);
        final long number = OfflineCommands.appendLimit(journal, System.currentTimeMillis(), queue.bookIndex(),
            limit.command(), value, reason == null ? "" : reason);
        final String what = limit.label() + " " + FixedPoint.toString(value) + (book == null ? " engine-wide"
            : " for book " + book);
        return queue.follow(number, what, limit.label() + " " + FixedPoint.toString(value) + " requested (`ringtrade "
            + "limits` shows what is in force)", waitSeconds, out, spec.commandLine().getErr());
    }
}
