package io.ringtrade.cli;

import io.ringtrade.adapters.ops.AdminToken;
import io.ringtrade.adapters.ops.OpsServer;
import io.ringtrade.adapters.ops.OpsSettings;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.Notification;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.TradingCommand;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.audit.AuditFormat;
import io.ringtrade.engine.audit.AuditLog;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.HttpConfig;
import io.ringtrade.engine.config.InstrumentConfig;
import io.ringtrade.engine.output.OutputFiles;
import io.ringtrade.engine.pipeline.GatewayHooks;
import io.ringtrade.engine.pipeline.Notifier;
import io.ringtrade.engine.risk.RiskLimit;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.risk.RiskSettings;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.journal.OfflineCommandAgent;
import io.ringtrade.journal.OfflineCommands;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything {@code run} sets up for operators around the engine: the audit log beside the journal (with the
 * configuration in force at start), the console notifier, the ops HTTP API when a port is given, and the agent that
 * tails the offline kill switch's command queue. Built before the engine starts (the gateway needs the HTTP server's
 * command listener), started once the pipeline runs and before the feed ({@link #beforeFeed}), closed after the
 * engine stops. Main thread.
 */
final class OperatorControls implements AutoCloseable {
    private final EngineConfig config;
    private final Path journalDir;
    private final PrintWriter console;
    private final AuditLog audit;
    private final AdminToken token;
    private final OpsServer server;
    private AgentRunner offlineRunner;
    private int httpPort = -1;

    OperatorControls(final EngineConfig config, final Path journalDir, final PrintWriter console) {
        this.config = config;
        this.journalDir = journalDir;
        this.console = console;
        final HttpConfig http = config.http();
        this.token = http.port() == 0 && http.tokenFile() == null ? AdminToken.none()
            : AdminToken.load(System.getenv(AdminToken.ENVIRONMENT_VARIABLE), http.tokenFile());
        this.server = http.port() == 0 ? null : new OpsServer();
        this.audit = AuditLog.continueFile(journalDir.resolve(AuditLog.FILE));
        audit.edge(AuditFormat.edgeLine(System.currentTimeMillis(), "start", configuration()));
    }

    /** The audit log beside the journal (business logic's lines and the edges'). */
    AuditLog audit() {
        return audit;
    }

    /** The pipeline's hooks: the console notifier, the HTTP server's command listener, the state view's pace. */
    GatewayHooks hooks() {
        final Notifier notifier = this::notifyOperator;
        if (server == null) {
            return new GatewayHooks(notifier, sequence -> {
            }, -1);
        }
        // the state view at most every 10 ms under load (and after every command, and whenever the ring runs empty)
        return new GatewayHooks(notifier, server.commandListener(), 10_000_000L);
    }

    /**
     * Once the pipeline runs, before the feed: publishes what waits in the offline command queue (so a kill switch
     * queued while the engine was down acts before any new data), starts tailing it, and starts the HTTP server.
     */
    void beforeFeed(final Engine engine) {
        final OfflineCommandAgent agent = new OfflineCommandAgent(journalDir, engine.lastOfflineCommandAtStart(),
            engine::offer, engine::dataTimeNanos, this::offlinePublished);
        final int waiting = agent.drain();
        if (waiting > 0) {
            console.println("ringtrade: published " + waiting + " offline command(s) from "
                + journalDir.resolve(OfflineCommands.DIR_NAME));
        }
        final AtomicLong errors = new AtomicLong();
        offlineRunner = new AgentRunner(new SleepingMillisIdleStrategy(1), error -> {
            // said once (and then every thousandth time), not on every duty cycle
            if (errors.getAndIncrement() % 1000 == 0) {
                console.println("ringtrade: offline command queue (" + errors.get() + " errors): " + error);
                console.flush();
            }
        }, null, agent);
        AgentRunner.startOnThread(offlineRunner, runnable -> {
            final Thread thread = new Thread(runnable, "ringtrade-offline-commands");
            thread.setDaemon(true);
            return thread;
        });
        if (server != null) {
            final HttpConfig http = config.http();
            final Map<String, String> strategies = new LinkedHashMap<>();
            final List<String> books = new ArrayList<>();
            for (final BookConfig book : config.books()) {
                books.add(book.name());
                strategies.put(book.name(), book.strategy());
            }
            final Map<String, Integer> instruments = new LinkedHashMap<>();
            for (int id = 0; id < config.instruments().size(); id++) {
                instruments.put(config.instruments().get(id).symbol(), id);
            }
            // a port of -1 is run --http-port 0: any free port
            httpPort = server.start(http.bind(), Math.max(0, http.port()), new EngineOps(engine), new OpsSettings(
                config.mode().label(), books, strategies, instruments, token, audit,
                OpsSettings.CONTROL_TIMEOUT_DEFAULT, OpsSettings.REQUEST_TIMEOUT_DEFAULT, OpsSettings.MAX_BODY_DEFAULT,
                System::currentTimeMillis, System.nanoTime(), System::nanoTime));
        }
    }

    /** A line for the startup banner, or "" when the API is off. */
    String describeHttp() {
        if (server == null) {
            return "";
        }
        return "ops API on http://" + config.http().bind() + ":" + httpPort
            + (token.configured() ? " (control needs the admin token)" : " (control off: no admin token)");
    }

    private void offlinePublished(final OfflineCommands.Command command, final long entry) {
        final StringBuilder fields = new StringBuilder(128);
        fields.append("\"from\":\"offline\",\"number\":").append(command.number()).append(",\"scope\":")
            .append(command.book() < 0 ? "\"global\"" : "\"book\"");
        final RiskLimit limit = RiskLimit.ofCommand(command.code());
        if (limit == null) {
            fields.append(",\"state\":\"").append(TradingCommand.stateName(command.state())).append("\",\"flatten\":")
                .append(command.flatten());
        } else {
            fields.append(",\"limit\":\"").append(limit.label()).append("\",\"value\":\"")
                .append(FixedPoint.toString(command.value())).append('"');
        }
        fields.append(",\"entry\":").append(entry).append(",\"queued\":\"")
            .append(OutputFiles.isoTime(command.writtenMillis() * 1_000_000L)).append("\",\"reason\":");
        AuditFormat.string(fields, command.reason());
        audit.edge(AuditFormat.edgeLine(System.currentTimeMillis(), "offline_command", fields.toString()));
    }

    /** The notifier: a console line (a Telegram sink comes with a later issue). Gateway thread. */
    private void notifyOperator(final OrderEffect notification, final EngineEvent cause) {
        final String scope = notification.bookIndex < 0 ? "engine"
            : "book " + config.books().get(notification.bookIndex).name();
        final String state = TradingCommand.stateName((int) notification.notificationValue);
        final String what = switch (notification.notification) {
            case Notification.TRADING_STATE_CHANGED -> scope + " is now " + state + " (operator, input "
                + cause.sequence + ")";
            case Notification.DAILY_LOSS_BREACH -> scope + " HALTED: maximum daily loss exceeded (input "
                + cause.sequence + ")";
            case Notification.MARGIN_CALL -> scope + " HALTED: margin call, equity below the maintenance margin;"
                + " closing its positions (input " + cause.sequence + ")";
            default -> Notification.name(notification.notification);
        };
        console.println("ringtrade: NOTICE " + what);
        console.flush();
    }

    /** The configuration in force at start, as audit fields (no secrets: the token itself is never written). */
    private String configuration() {
        final StringBuilder out = new StringBuilder(512);
        out.append("\"mode\":\"").append(config.mode().label()).append("\",\"journal\":");
        AuditFormat.string(out, journalDir.toString());
        final RiskSettings risk = config.risk();
        out.append(",\"risk\":{\"max_order_notional\":\"").append(FixedPoint.toString(risk.maxOrderNotional()))
            .append("\",\"max_position_pct\":\"").append(FixedPoint.toString(risk.maxPositionPct()))
            .append("\",\"max_daily_loss\":\"").append(FixedPoint.toString(risk.maxDailyLoss()))
            .append("\",\"max_orders_per_second\":").append(risk.maxOrdersPerSecond())
            .append(",\"price_band_pct\":\"").append(FixedPoint.toString(risk.priceBandPct()))
            .append("\",\"large_transaction_threshold\":\"")
            .append(FixedPoint.toString(risk.largeTransactionThreshold())).append('"');
        // leverage only where set, so the start line of a run without it reads as it always did
        if (risk.maxLeverage() != 0) {
            out.append(",\"max_leverage\":\"").append(FixedPoint.toString(risk.maxLeverage())).append('"');
        }
        out.append("},\"books\":[");
        for (int i = 0; i < config.books().size(); i++) {
            final BookConfig book = config.books().get(i);
            out.append(i == 0 ? "" : ",").append("{\"name\":");
            AuditFormat.string(out, book.name()).append(",\"strategy\":");
            AuditFormat.string(out, book.strategy()).append(",\"cash\":\"").append(FixedPoint.toString(book.cash()))
                .append("\",\"allow_short\":").append(book.allowShort())
                .append(",\"min_notional\":\"").append(FixedPoint.toString(book.minNotional()))
                .append("\",\"max_order_notional\":\"").append(FixedPoint.toString(book.limits().maxOrderNotional()))
                .append("\",\"max_position_pct\":\"").append(FixedPoint.toString(book.limits().maxPositionPct()))
                .append("\",\"max_daily_loss\":\"").append(FixedPoint.toString(book.limits().maxDailyLoss()))
                .append("\",\"max_orders_per_second\":").append(book.limits().maxOrdersPerSecond())
                .append(",\"price_band_pct\":\"").append(FixedPoint.toString(book.limits().priceBandPct()))
                .append('"');
            if (book.limits().maxLeverage() > RiskLimits.CASH_ACCOUNT) {
                out.append(",\"max_leverage\":\"").append(FixedPoint.toString(book.limits().maxLeverage()))
                    .append('"');
            }
            if (book.limits().maintenanceMarginPct() != 0) {
                out.append(",\"maintenance_margin_pct\":\"")
                    .append(FixedPoint.toString(book.limits().maintenanceMarginPct())).append('"');
            }
            if (book.limits().borrowRatePct() != 0) {
                out.append(",\"borrow_rate_pct\":\"").append(FixedPoint.toString(book.limits().borrowRatePct()))
                    .append('"');
            }
            if (book.limits().shortFeePct() != 0) {
                out.append(",\"short_fee_pct\":\"").append(FixedPoint.toString(book.limits().shortFeePct()))
                    .append('"');
            }
            out.append('}');
        }
        out.append("],\"instruments\":[");
        for (int i = 0; i < config.instruments().size(); i++) {
            final InstrumentConfig instrument = config.instruments().get(i);
            out.append(i == 0 ? "" : ",");
            AuditFormat.string(out, instrument.symbol());
        }
        out.append("],\"http\":{\"port\":").append(config.http().port()).append(",\"bind\":");
        AuditFormat.string(out, config.http().bind()).append(",\"admin_token\":")
            .append(token.configured() ? "\"configured\"" : "\"none\"").append('}');
        return out.toString();
    }

    /** Stops the HTTP server and the offline agent (before the engine stops, so no command arrives after it). */
    void stopEdges() {
        if (server != null) {
            server.close();
        }
        if (offlineRunner != null) {
            offlineRunner.close();
            offlineRunner = null;
        }
    }

    /** Stops what is still running and closes the audit log (after the engine has stopped). */
    @Override
    public void close() {
        stopEdges();
        audit.close();
    }
}
