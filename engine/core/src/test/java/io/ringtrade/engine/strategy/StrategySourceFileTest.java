package io.ringtrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.EventStrategy;
import io.ringtrade.engine.api.strategy.IterationStrategy;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Strategy;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A strategy in one Java source file, compiled when a command starts: the shipped templates compile (one per style) and
 * declare their parameters and grid; errors read as javac prints them; files that define nothing, or a name already taken, are
 * refused; the catalog compiles a file once.
 */
final class StrategySourceFileTest {
    @TempDir
    Path dir;

    private Path write(final String name, final String source) throws IOException {
        final Path file = dir.resolve(name);
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldCompileTheDecisionTemplateWithItsParametersAndGrid() throws IOException {
        final Path file = write("MyBot.java", StrategyStyle.DECISION.render("MyBot", "my_bot"));

        final StrategySourceFile compiled = StrategySourceFile.compile(file);

        assertThat(compiled.definitions()).hasSize(1);
        final StrategyDefinition bot = compiled.definitions().get(0);
        assertThat(bot.name()).isEqualTo("my_bot");
        assertThat(bot.parameters()).extracting(ParameterSpec::name).containsExactly("rsi_max", "rsi_exit");
        assertThat(bot.parameters().get(0).grid()).containsExactly(60.0, 70.0, 80.0);
        assertThat(compiled.sha256()).hasSize(64).isEqualTo(StrategySourceFile.sha256Of(file));
    }

    @Test
    void shouldReportCompileErrorsAsJavacPrintsThemWithFileAndLine() throws IOException {
        final Path file = write("Broken.java", """
            import io.ringtrade.engine.api.strategy.*;
            import java.util.List;
            public final class Broken implements StrategyDefinition {
                public String name() { return "broken"; }
                public String description() { return undefinedThing; }
                public List<ParameterSpec> parameters() { return List.of(); }
                public DecisionStrategy create(Parameters p) { return row -> p.getInt(1); }
            }
            """);

        assertThatThrownBy(() -> StrategySourceFile.compile(file))
            .isInstanceOfSatisfying(StrategyCompileException.class, e -> {
                assertThat(e.getMessage()).isEqualTo(file + ": does not compile (2 errors; nothing was run)");
                assertThat(e.errors()).hasSize(2);
                assertThat(e.errors().get(0)).startsWith(file + ":5: error: cannot find symbol\n"
                    + "    public String description() { return undefinedThing; }\n"
                    + "                                         ^\n");
                assertThat(e.errors().get(0)).contains("symbol:   variable undefinedThing");
                // (javac names the type String or java.lang.String depending on what it compiled before in this JVM)
                assertThat(e.errors().get(1)).startsWith(file + ":7: error: incompatible types: int cannot be converted"
                    + " to ");
            });
    }

    @Test
    void shouldRefuseAFileThatDefinesNoStrategy() throws IOException {
        final Path file = write("Helper.java", "final class Helper { }\n");

        assertThatThrownBy(() -> StrategySourceFile.compile(file))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(file + ": defines no strategy: it needs a class implementing"
                + " io.ringtrade.engine.api.strategy.StrategyDefinition (ringtrade new-strategy NAME writes a starting"
                + " file)");
    }

    @Test
    void shouldRefuseAMissingFileAndOneThatIsNotJava() {
        assertThatThrownBy(() -> StrategySourceFile.compile(dir.resolve("Nope.java")))
            .hasMessage(dir.resolve("Nope.java") + ": file not found");
        assertThatThrownBy(() -> StrategySourceFile.compile(dir.resolve("bot.py")))
            .hasMessage(dir.resolve("bot.py") + ": a strategy file is one Java source file ending in .java");
    }

    @Test
    void shouldAddAFileToTheCatalogOnceAndRefuseANameAlreadyTaken() throws IOException {
        final StrategyCatalog catalog = StrategyCatalog.load(getClass().getClassLoader());
        final Path file = write("MyBot.java", StrategyStyle.DECISION.render("MyBot", "my_bot"));

        final StrategySourceFile first = catalog.addSourceFile(file);

        assertThat(catalog.addSourceFile(dir.resolve(".").resolve("MyBot.java"))).isSameAs(first);
        assertThat(catalog.get("my_bot")).isSameAs(first.definitions().get(0));
        assertThat(catalog.origin("my_bot")).isEqualTo(file.toString());
        assertThat(catalog.sourceFile("my_bot")).isSameAs(first);
        assertThat(catalog.origin("test_hold")).isEqualTo(StrategyCatalog.BUILT_IN);

        final Path clash = write("Clash.java", StrategyStyle.DECISION.render("Clash", "test_hold"));
        assertThatThrownBy(() -> catalog.addSourceFile(clash))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("two strategies are named test_hold: io.ringtrade.engine.runtime.BookAssemblyTest$HoldStrategy"
                + " (built in) and Clash (" + clash + ")");
    }

    @Test
    void shouldParseEachStyleByNameAndRefuseOthers() {
        assertThat(StrategyStyle.parse("decision")).isEqualTo(StrategyStyle.DECISION);
        assertThat(StrategyStyle.parse("Iteration")).isEqualTo(StrategyStyle.ITERATION);
        assertThat(StrategyStyle.parse("event")).isEqualTo(StrategyStyle.EVENT);
        assertThatThrownBy(() -> StrategyStyle.parse("vector"))
            .hasMessage("--style vector: expected decision, iteration or event");
    }

    @Test
    void shouldNameTheClassesTheTemplatesCodeUsesButNotTheWordsOfItsComments() throws IOException {
        assertThat(StrategyStyle.DECISION.namesUsed()).contains("Column", "DecisionStrategy", "Double", "List",
            "Override").doesNotContain("MACD", "RSI", "Ringtrade", "BARS");
        assertThat(StrategyStyle.EVENT.namesUsed()).contains("EventContext", "LongCell", "Math", "OrderStatus",
            "REQUOTE", "IllegalStateException").doesNotContain("Handlers");
        // a strategy class named like one of them does not compile
        final Path clash = write("Math.java", StrategyStyle.EVENT.render("Math", "math"));
        assertThatThrownBy(() -> StrategySourceFile.compile(clash)).isInstanceOf(StrategyCompileException.class);
    }

    @Test
    void shouldCompileEachStylesTemplateIntoAStrategyOfThatStyleTheEngineCanSnapshot() throws IOException {
        final Map<StrategyStyle, Class<?>> made = Map.of(StrategyStyle.DECISION, DecisionStrategy.class,
            StrategyStyle.ITERATION, IterationStrategy.class, StrategyStyle.EVENT, EventStrategy.class);
        final Map<StrategyStyle, List<String>> declared = Map.of(StrategyStyle.DECISION, List.of("rsi_max", "rsi_exit"),
            StrategyStyle.ITERATION, List.of("schedule", "buy_usd", "rsi_max", "rsi_sell"),
            StrategyStyle.EVENT, List.of("dip", "target", "order_usd", "requote_s"));
        for (final StrategyStyle style : StrategyStyle.values()) {
            final String className = "My" + style.name().charAt(0) + style.name().substring(1).toLowerCase(Locale.ROOT);
            final Path file = write(className + ".java", style.render(className, "my_" + style.label()));

            final StrategyDefinition definition = StrategySourceFile.compile(file).definitions().get(0);
            final StrategyStateStore state = new StrategyStateStore("book");
            final Strategy strategy = definition.create(StrategyParameters.resolve(definition, Map.of()), state);
            state.close();

            assertThat(definition.name()).isEqualTo("my_" + style.label());
            assertThat(definition.parameters()).extracting(ParameterSpec::name).isEqualTo(declared.get(style));
            assertThat(strategy).isInstanceOf(made.get(style));
            // no mutable fields: the engine would refuse the strategy at start
            StrategyStatePolicy.check(strategy, "book", state);
        }
    }
}
