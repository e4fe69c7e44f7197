package io.ringtrade.cli;

import io.ringtrade.adapters.venue.VenueClient;
import io.ringtrade.adapters.venue.VenueOrderHistory;
import io.ringtrade.adapters.venue.VenueVerification;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.EngineConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ringtrade verify-venue}: checks the configured venue before a live run (credentials, connectivity, clock skew,
 * symbol mapping, balances, open orders) and prints one verdict per check, {@code ok} or {@code FAIL: why}; exits 1
 * when any check fails. Main thread.
 */
@Command(name = "verify-venue", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Check the configured venue: credentials, connectivity, clock skew, symbol mapping, balances, open"
        + " orders; one verdict per check, exit 1 when any fails.")
public final class VerifyVenueCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "engine configuration (HOCON) with a ringtrade.venue block; default: the embedded config/default.conf")
    Path configFile;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final EngineConfig config = configFile == null ? EngineConfigLoader.load(EngineConfigLoader.DEFAULT_LOCATION)
            : EngineConfigLoader.load(configFile);
        if (!LiveVenues.configured(config.venue())) {
            throw new UserException((configFile == null ? "the default configuration" : configFile.toString())
                + " configures no venue (ringtrade.venue.type is none)");
        }
        final List<VenueVerification.Check> checks;
        try (VenueClient client = LiveVenues.open(config.venue(), VenueOrderHistory.NONE)) {
            out.println("verify-venue: " + config.venue().label());
            checks = VenueVerification.run(client, config, System::currentTimeMillis);
        }
        boolean ok = true;
        for (final VenueVerification.Check check : checks) {
            out.println("  " + check.line());
            ok &= check.ok();
        }
        out.println(ok ? "verdict: ok" : "verdict: FAIL");
        out.flush();
        return ok ? 0 : Main.EXIT_FAILURE;
    }
}
