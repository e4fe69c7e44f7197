package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.strategy.StrategyDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The ways to write a strategy (DESIGN.md §5), each one starting template ({@code ringtrade new-strategy --style}) and
 * the type a strategy source file's class implements for the loader ({@link StrategySourceFile}) to find it. Adding a
 * style is one constant here, one template resource beside this class, and its entry type. Iteration and event
 * strategies do not exist yet (issue 12): their styles are declared so that asking for them says so. Immutable.
 */
public enum StrategyStyle {
    /** {@code int decide(Row row)}: one answer per closed bar; the engine sizes the orders. */
    DECISION("decision", StrategyDefinition.class, "templates/decision.java.txt"),
    /** {@code onIteration(ctx)} with buy/sell/rebalance: not available yet. */
    ITERATION("iteration", null, null),
    /** {@code onBar/onTick/onSignal/onFill/onTimer}: not available yet. */
    EVENT("event", null, null);

    /** Marks where the template takes the strategy's class name. */
    public static final String CLASS_NAME_MARK = "__CLASS_NAME__";
    /** Marks where the template takes the strategy's name. */
    public static final String STRATEGY_NAME_MARK = "__STRATEGY_NAME__";

    private final String label;
    private final Class<?> entryType;
    private final String template;

    StrategyStyle(final String label, final Class<?> entryType, final String template) {
        this.label = label;
        this.entryType = entryType;
        this.template = template;
    }

    /** The name used with {@code --style}. */
    public String label() {
        return label;
    }

    /** Whether strategies of this style can be written and run in this version. */
    public boolean available() {
        return entryType != null;
    }

    /** The type a class of this style implements, or null when the style is not available. */
    public Class<?> entryType() {
        return entryType;
    }

    /**
     * The style called {@code text}.
     *
     * @throws IllegalArgumentException naming the styles when there is none by that name, or saying that the style
     *                                  is not available yet
     */
    public static StrategyStyle parse(final String text) {
        for (final StrategyStyle style : values()) {
            if (style.label.equals(text.toLowerCase(Locale.ROOT))) {
                if (!style.available()) {
                    throw new IllegalArgumentException("--style " + style.label + ": " + style.label
                        + " strategies are not available in this version yet; use --style decision");
                }
                return style;
            }
        }
        throw new IllegalArgumentException("--style " + text + ": expected decision, iteration or event");
    }

    /**
     * The starting file of this style for a class called {@code className} defining the strategy {@code strategyName}.
     */
    public String render(final String className, final String strategyName) {
        if (!available()) {
            throw new IllegalStateException(label + " strategies are not available yet");
        }
        try (InputStream in = StrategyStyle.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IllegalStateException("template " + template + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(CLASS_NAME_MARK, className)
                .replace(STRATEGY_NAME_MARK, strategyName);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read template " + template + ": " + e.getMessage(), e);
        }
    }
}
