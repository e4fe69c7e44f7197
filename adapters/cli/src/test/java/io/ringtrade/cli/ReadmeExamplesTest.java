package io.ringtrade.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The README's examples run as written. Every {@code ```console} block of README.md is one example; the examples of
 * one section ({@code ## ...}) run in order in a fresh folder of their own, so a walkthrough's later commands see
 * what its earlier ones wrote:
 * <ul>
 *   <li>{@code $ scripts/ringtrade ARGS} (a trailing {@code \} continues the command on the next line) runs ringtrade
 *       in a child JVM whose working directory is that folder, so relative paths resolve as they would for a user;
 *       {@code $D} is the folder of real data files the build unpacks;</li>
 *   <li>{@code $ cat FILE} and {@code $ head -N FILE} show a file; a file that does not exist yet is the one the
 *       example asks the reader to write, and is written from the lines quoted under the command;
 *       {@code $ grep -E 'REGEX' FILE} shows the file's lines where the pattern is found;</li>
 *   <li>arguments are split at spaces; {@code '...'} quotes one argument (as a shell would);</li>
 *   <li>the lines quoted under a command must appear in its output (stdout, then stderr), in that order;
 *       {@code …} in a quoted line stands for any text (timings, absolute paths) and a line {@code ...} marks lines
 *       left out;</li>
 *   <li>a command whose quoted output has a {@code ringtrade: } error line must exit with 2, any other with 0.</li>
 * </ul>
 * The blocks' commands run one after the other, each bounded in time; no network.
 */
class ReadmeExamplesTest {
    private static final Path README = Path.of("../../README.md");
    private static final long COMMAND_TIMEOUT_SECONDS = 180;
    private static final Pattern HEAD = Pattern.compile("head -(\\d+) (\\S+)");
    private static final Pattern GREP = Pattern.compile("grep -E '([^']+)' (\\S+)");

    @TempDir
    Path temp;

    /** One command of an example and the lines quoted under it. */
    private record Command(int line, String text, List<String> expected) {
    }

    /** The {@code ```console} blocks of one section: the section's title and the blocks' commands, in order. */
    private record Example(String section, List<Command> commands) {
    }

    @TestFactory
    Stream<DynamicTest> shouldRunEveryConsoleExampleOfTheReadmeAndPrintTheQuotedLines() throws IOException {
        final List<Example> examples = examples(Files.readAllLines(README, StandardCharsets.UTF_8));
        assertThat(examples).as("console examples in README.md").hasSizeGreaterThanOrEqualTo(3);
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.section(), () -> {
            final Path folder = Files.createDirectories(temp.resolve("example-" + examples.indexOf(example)));
            for (final Command command : example.commands()) {
                run(folder, command);
            }
        }));
    }

    private static List<Example> examples(final List<String> readme) {
        final List<Example> examples = new ArrayList<>();
        String section = "README.md";
        List<Command> commands = null;
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith("## ")) {
                section = readme.get(i).substring(3);
                commands = null;
            }
            if (!readme.get(i).equals("```console")) {
                continue;
            }
            if (commands == null) {
                commands = new ArrayList<>();
                examples.add(new Example(section, commands));
            }
            i++;
            while (i < readme.size() && !readme.get(i).equals("```")) {
                final String line = readme.get(i);
                if (!line.startsWith("$ ")) {
                    fail("README.md:" + (i + 1) + ": a console example starts with a '$ ' command, got: " + line);
                }
                final int commandLine = i + 1;
                final StringBuilder text = new StringBuilder(line.substring(2));
                while (text.toString().endsWith("\\")) {
                    text.setLength(text.length() - 1);
                    i++;
                    text.append(' ').append(readme.get(i).strip());
                }
                i++;
                final List<String> expected = new ArrayList<>();
                while (i < readme.size() && !readme.get(i).equals("```") && !readme.get(i).startsWith("$ ")) {
                    expected.add(readme.get(i));
                    i++;
                }
                commands.add(new Command(commandLine, text.toString().strip(), expected));
            }
        }
        return examples;
    }

    private void run(final Path folder, final Command command) throws IOException, InterruptedException {
        final String where = "README.md:" + command.line() + ": $ " + command.text();
        final List<String> actual;
        if (command.text().startsWith("scripts/ringtrade ")) {
            actual = ringtrade(folder, command, where);
        } else if (command.text().startsWith("cat ") || HEAD.matcher(command.text()).matches()) {
            actual = show(folder, command);
        } else if (GREP.matcher(command.text()).matches()) {
            final var grep = GREP.matcher(command.text());
            grep.matches();
            final Pattern pattern = Pattern.compile(grep.group(1));
            actual = Files.readAllLines(folder.resolve(grep.group(2)), StandardCharsets.UTF_8).stream()
                .filter(line -> pattern.matcher(line).find()).toList();
        } else {
            throw new AssertionError(where + ": only scripts/ringtrade, cat, head -N and grep -E run in README"
                + " examples");
        }
        assertQuotedLinesAppearInOrder(where, command.expected(), actual);
    }

    private List<String> ringtrade(final Path folder, final Command command, final String where)
        throws IOException, InterruptedException {
        final List<String> args = ChildJvm.ringtrade("512m");
        final String data = RealData.dir().toAbsolutePath().toString();
        arguments(command.text().substring("scripts/ringtrade ".length())).stream()
            .map(arg -> arg.replace("$D", data)).forEach(args::add);
        final Path stdout = temp.resolve("stdout-" + command.line());
        final Path stderr = temp.resolve("stderr-" + command.line());
        final Process process = new ProcessBuilder(args).directory(folder.toFile())
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail(where + ": did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
            }
        } finally {
            process.destroyForcibly();
        }
        final List<String> lines = new ArrayList<>(Files.readAllLines(stdout, StandardCharsets.UTF_8));
        final List<String> errors = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        lines.addAll(errors);
        final boolean expectsError = command.expected().stream().anyMatch(line -> line.startsWith("ringtrade: "));
        assertThat(process.exitValue()).as("%s: exit code; output:%n%s", where, String.join("\n", lines))
            .isEqualTo(expectsError ? Main.EXIT_USAGE : 0);
        return lines;
    }

    /** Arguments split at spaces, with {@code '...'} quoting one argument. */
    private static List<String> arguments(final String text) {
        final List<String> out = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(current.toString());
        }
        return out;
    }

    /** {@code cat FILE} or {@code head -N FILE}; a file the example has not made yet is written from the quote. */
    private static List<String> show(final Path folder, final Command command) throws IOException {
        final var head = HEAD.matcher(command.text());
        final boolean isHead = head.matches();
        final Path file = folder.resolve(isHead ? head.group(2) : command.text().substring("cat ".length()).trim());
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, String.join("\n", command.expected()) + "\n", StandardCharsets.UTF_8);
        }
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return isHead ? lines.subList(0, Math.min(lines.size(), Integer.parseInt(head.group(1)))) : lines;
    }

    private static void assertQuotedLinesAppearInOrder(final String where, final List<String> expected,
                                                       final List<String> actual) {
        int next = 0;
        for (final String quoted : expected) {
            if (quoted.equals("...") || quoted.isBlank()) {
                continue;
            }
            final Pattern pattern = quotedLine(quoted);
            int found = -1;
            for (int i = next; i < actual.size(); i++) {
                if (pattern.matcher(actual.get(i)).matches()) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                fail(where + ":\nthe README quotes the line\n  " + quoted + "\nwhich is not in the output (after the"
                    + " lines matched before it):\n  " + String.join("\n  ", actual.subList(next, actual.size())));
            }
            next = found + 1;
        }
    }

    /** A quoted line as a pattern: literal text, with {@code …} standing for any text. */
    private static Pattern quotedLine(final String quoted) {
        final StringBuilder regex = new StringBuilder();
        for (final String part : quoted.split("…", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
