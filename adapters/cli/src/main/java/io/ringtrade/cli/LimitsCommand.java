package io.ringtrade.cli;

import com.typesafe.config.Config;
import io.ringtrade.engine.audit.AuditFormat;
import io.ringtrade.engine.risk.RiskLimit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code ringtrade limits}: the engine-wide caps and each book's risk limits in force, or an operator's change of one
 * of them while the engine runs, through the ops HTTP API ({@code GET /status}, {@code GET /books},
 * {@code POST /books/{name}/limits}, {@code POST /limits}). The change is a journaled
 * command: replay and recovery apply it at the same input. The admin token comes from the environment only. Exit 0
 * when the engine applied the change, 1 when it answered without applying it, 2 for a user mistake, a refusal (an
 * unknown book, a value out of range) or an unreachable engine. Main thread.
 */
@Command(name = "limits", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Show the engine-wide caps and each book's risk limits in force, or change one while the engine runs "
        + "(journaled): limits --book NAME --set max_position_pct=20 [--reason TEXT], or limits --engine --set "
        + "max_daily_loss=1000 for the cap over every book. The admin token comes from "
        + "$RINGTRADE_ADMIN_TOKEN or the file named by $RINGTRADE_ADMIN_TOKEN_FILE.")
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
        + "max_order_notional, max_position_pct, max_daily_loss or price_band_pct")
    String set;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the audit log")
    String reason;

    @Override
    public Integer call() throws InterruptedException {
        final OpsClient ops = new OpsClient(url);
        final PrintWriter out = spec.commandLine().getOut();
        if (set == null) {
            if (book != null || engine || reason != null) {
                throw new UserException("--book, --engine and --reason need --set LIMIT=VALUE (without --set, limits "
                    + "shows every limit in force)");
            }
            final Config caps = ops.get("/status").getConfig("risk_caps");
            out.println("engine-wide caps: max_order_notional " + caps.getString("max_order_notional")
                + ", max_position_pct " + caps.getString("max_position_pct") + ", max_daily_loss "
                + caps.getString("max_daily_loss") + ", price_band_pct " + caps.getString("price_band_pct"));
            for (final Config each : ops.get("/books").getConfigList("books")) {
                out.println(each.getString("name") + ": max_order_notional " + each.getString("max_order_notional")
                    + ", max_position_pct " + each.getString("max_position_pct") + ", max_daily_loss "
                    + each.getString("daily_loss_limit") + ", price_band_pct " + each.getString("price_band_pct"));
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
        final StringBuilder body = new StringBuilder("{");
        AuditFormat.string(body, limit.label()).append(':');
        AuditFormat.string(body, set.substring(equals + 1).strip());
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
}
