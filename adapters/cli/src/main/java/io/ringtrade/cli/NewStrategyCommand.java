package io.ringtrade.cli;

import io.ringtrade.engine.strategy.StrategyStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import javax.lang.model.SourceVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code ringtrade new-strategy NAME [--style decision|iteration|event] [--dir DIR]}: writes a ready-to-run, commented
 * strategy in one Java file ({@code MyBot.java} for {@code my_bot} or {@code MyBot}) from the style's template
 * ({@link StrategyStyle}), to run with {@code --strategy-file}. Main thread.
 */
@Command(name = "new-strategy", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Write a ready-to-run strategy in one Java file, to run with --strategy-file.")
public final class NewStrategyCommand implements Runnable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the strategy's name, e.g. my_bot (the file is MyBot.java)")
    String name;

    @Option(names = "--style", defaultValue = "decision",
        description = "decision (a buy/sell/hold answer per bar), iteration (trades on a schedule) or event (handles"
            + " ticks and fills, places its own orders) (default: ${DEFAULT-VALUE})")
    String style;

    @Option(names = "--dir", defaultValue = ".", paramLabel = "DIR", description = "where to write the file (default: the current folder)")
    Path dir;

    @Option(names = "--force", description = "replace the file when it exists")
    boolean force;

    @Override
    public void run() {
        final StrategyStyle chosen = StrategyStyle.parse(style);
        if (!NAME.matcher(name).matches()) {
            throw new UserException("new-strategy: '" + name + "' is not a strategy name: use letters, digits, '_' or"
                + " '-', starting with a letter (e.g. my_bot)");
        }
        final String className = className(name);
        final String strategyName = strategyName(name);
        if (!SourceVersion.isName(className)) {
            throw new UserException("new-strategy: '" + name + "' would make the class " + className + ", which Java"
                + " does not accept as a name");
        }
        if (chosen.namesUsed().contains(className)) {
            throw new UserException("new-strategy: the class " + className + " would clash with the " + className
                + " the " + chosen.label() + " template's code uses: pick another name (e.g. my_" + strategyName + ")");
        }
        final Path file = dir.resolve(className + ".java").normalize();
        if (Files.exists(file) && !force) {
            throw new UserException(file + ": already exists (--force replaces it)");
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(file, chosen.render(className, strategyName), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        final PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + file + ": strategy " + strategyName + " (" + chosen.label() + " style), ready to run:");
        // an event strategy needs ticks: a trade file read as trades
        out.println("  ringtrade backtest --strategy-file " + file + " --data FILE"
            + (chosen == StrategyStyle.EVENT ? " --ticks" : "") + " --symbol SYMBOL --out out/" + strategyName);
        out.flush();
    }

    /** {@code my_bot}, {@code my-bot} and {@code myBot} become {@code MyBot}. */
    static String className(final String name) {
        final StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            final char c = name.charAt(i);
            if (c == '_' || c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code MyBot}, {@code my-bot} and {@code my_bot} become {@code my_bot}. */
    static String strategyName(final String name) {
        final StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            final char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c == '-' ? '_' : c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
