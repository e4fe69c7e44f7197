package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.strategy.StrategyDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways to write a strategy (DESIGN.md §5), each with one starting template ({@code ringtrade new-strategy --style})
 * kept as a resource beside this class. Whatever the style, a strategy source file's class implements
 * {@link StrategyDefinition}; the style is what its {@code create} returns (a {@code DecisionStrategy}, an
 * {@code IterationStrategy} or an {@code EventStrategy}). Adding a template is one constant here and one resource.
 * Immutable.
 */
public enum StrategyStyle {
    /** {@code int decide(Row row)}: one answer per closed bar; the engine sizes the orders. */
    DECISION("decision", "templates/decision.java.txt"),
    /** {@code onIteration(ctx)} on a schedule, trading with buy, sell and rebalance. */
    ITERATION("iteration", "templates/iteration.java.txt"),
    /** {@code onTick/onBar/onFill/onOrderUpdate/onTimer/onSignal}, placing its own orders. */
    EVENT("event", "templates/event.java.txt");

    /** Marks where the template takes the strategy's class name. */
    public static final String CLASS_NAME_MARK = "__CLASS_NAME__";
    /** Marks where the template takes the strategy's name. */
    public static final String STRATEGY_NAME_MARK = "__STRATEGY_NAME__";

    private static final Pattern COMMENT_OR_STRING = Pattern.compile("//[^\n]*|/\\*.*?\\*/|\"(?:[^\"\\\\]|\\\\.)*\"",
        Pattern.DOTALL);
    private static final Pattern CAPITALISED = Pattern.compile("\\b[A-Z_][A-Za-z0-9_]*\\b");

    private final String label;
    private final String template;

    StrategyStyle(final String label, final String template) {
        this.label = label;
        this.template = template;
    }

    /** The name used with {@code --style}. */
    public String label() {
        return label;
    }

    /**
     * The style called {@code text} (any case).
     *
     * @throws IllegalArgumentException naming the styles when there is none by that name
     */
    public static StrategyStyle parse(final String text) {
        for (final StrategyStyle style : values()) {
            if (style.label.equals(text.toLowerCase(Locale.ROOT))) {
                return style;
            }
        }
        throw new IllegalArgumentException("--style " + text + ": expected decision, iteration or event");
    }

    /**
     * The starting file of this style for a class called {@code className} defining the strategy {@code strategyName}.
     */
    public String render(final String className, final String strategyName) {
        return text().replace(CLASS_NAME_MARK, className).replace(STRATEGY_NAME_MARK, strategyName);
    }

    /**
     * The capitalised names the template's code uses (types such as {@code Column}, {@code List} or {@code Math}, and
     * constants), outside comments and strings: a strategy class of one of these names would not compile (it would
     * clash with an import or hide a JDK class the code calls).
     */
    public Set<String> namesUsed() {
        final String code = COMMENT_OR_STRING.matcher(text()).replaceAll(" ");
        final Set<String> names = new TreeSet<>();
        final Matcher name = CAPITALISED.matcher(code);
        while (name.find()) {
            if (!name.group().contains(CLASS_NAME_MARK) && !name.group().contains(STRATEGY_NAME_MARK)) {
                names.add(name.group());
            }
        }
        return names;
    }

    private String text() {
        try (InputStream in = StrategyStyle.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IllegalStateException("template " + template + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read template " + template + ": " + e.getMessage(), e);
        }
    }
}
