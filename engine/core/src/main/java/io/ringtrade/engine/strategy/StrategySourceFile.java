package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.strategy.StrategyDefinition;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One strategy written in a single Java source file ({@code --strategy-file MyBot.java}, {@code strategy-file} in a
 * book's configuration), compiled when a command starts with the JDK's own compiler ({@code javax.tools}) against the
 * strategy API, in memory, and loaded in a class loader of its own. Every concrete class in the file that implements
 * a style's entry type ({@link StrategyStyle}: today {@link StrategyDefinition}) becomes a strategy; it needs a
 * constructor without arguments. The SHA-256 of the file's bytes identifies it: a journal records it, so that a
 * restart with a changed strategy is refused.
 *
 * <p>Compile errors are reported as javac prints them ({@code MyBot.java:12: error: …}) in a
 * {@link StrategyCompileException}. Built on the start-up thread; immutable afterwards.
 */
public final class StrategySourceFile {
    private final Path path;
    private final String sha256;
    private final List<StrategyDefinition> definitions;

    private StrategySourceFile(final Path path, final String sha256, final List<StrategyDefinition> definitions) {
        this.path = path;
        this.sha256 = sha256;
        this.definitions = List.copyOf(definitions);
    }

    /**
     * Reads, compiles and loads {@code file}.
     *
     * @throws StrategyCompileException  when it does not compile
     * @throws IllegalArgumentException when it is missing, not a {@code .java} file, defines no strategy, or a
     *                                  strategy class cannot be constructed
     */
    public static StrategySourceFile compile(final Path file) {
        final String name = file.toString();
        if (!name.endsWith(".java")) {
            throw new IllegalArgumentException(name + ": a strategy file is one Java source file ending in .java");
        }
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (final NoSuchFileException e) {
            throw new IllegalArgumentException(name + ": file not found");
        } catch (final IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
        final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalArgumentException(name + ": compiling a strategy file needs a JDK (this Java has no"
                + " compiler)");
        }
        final Map<String, byte[]> classes = compileToMemory(compiler, file, name);
        final List<StrategyDefinition> definitions = load(name, classes);
        return new StrategySourceFile(file, sha256(bytes), definitions);
    }

    /** The file as it was given. */
    public Path path() {
        return path;
    }

    /** Lower-case hex SHA-256 of the file's bytes. */
    public String sha256() {
        return sha256;
    }

    /** The strategies the file defines, in class-name order. */
    public List<StrategyDefinition> definitions() {
        return definitions;
    }

    /** Lower-case hex SHA-256 of a file's bytes, or null when it cannot be read. */
    public static String sha256Of(final Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (final IOException e) {
            return null;
        }
    }

    private static String sha256(final byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static Map<String, byte[]> compileToMemory(final JavaCompiler compiler, final Path file, final String name) {
        final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        final Map<String, ByteArrayOutputStream> outputs = new TreeMap<>();
        try (StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                 StandardCharsets.UTF_8);
             JavaFileManager memory = new MemoryFileManager(standard, outputs)) {
            final List<String> options = List.of(
                "--release", Integer.toString(Runtime.version().feature()),
                "-classpath", apiClassPath(),
                "-encoding", "UTF-8",
                "-proc:none",
                "-implicit:none",
                "-g",
                "-nowarn",
                "-Xlint:none");
            final Boolean ok = compiler.getTask(null, memory, diagnostics, options, null,
                standard.getJavaFileObjects(file)).call();
            final List<String> errors = new ArrayList<>();
            for (final Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(describe(diagnostic, name, file));
                }
            }
            if (!Boolean.TRUE.equals(ok) || !errors.isEmpty()) {
                throw new StrategyCompileException(name, errors.isEmpty() ? List.of(name + ": error: compilation failed")
                    : errors);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
        final Map<String, byte[]> classes = new TreeMap<>();
        outputs.forEach((className, bytes) -> classes.put(className, bytes.toByteArray()));
        return classes;
    }

    /**
     * One error as javac prints it: {@code FILE:LINE: error: first line}, the source line, a caret under the column,
     * then the message's other lines.
     */
    private static String describe(final Diagnostic<? extends JavaFileObject> diagnostic, final String name,
                                   final Path file) {
        final String[] message = diagnostic.getMessage(Locale.ROOT).split("\n", -1);
        final StringBuilder out = new StringBuilder(name);
        if (diagnostic.getLineNumber() != Diagnostic.NOPOS) {
            out.append(':').append(diagnostic.getLineNumber());
        }
        out.append(": error: ").append(message[0]);
        final String line = sourceLine(file, diagnostic.getLineNumber());
        if (line != null && diagnostic.getColumnNumber() != Diagnostic.NOPOS) {
            out.append('\n').append(line).append('\n');
            final long column = diagnostic.getColumnNumber();
            for (int i = 0; i < column - 1 && i < line.length(); i++) {
                out.append(line.charAt(i) == '\t' ? '\t' : ' ');
            }
            out.append('^');
        }
        for (int i = 1; i < message.length; i++) {
            out.append('\n').append(message[i]);
        }
        return out.toString();
    }

    private static String sourceLine(final Path file, final long lineNumber) {
        if (lineNumber < 1) {
            return null;
        }
        try {
            final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lineNumber <= lines.size() ? lines.get((int) lineNumber - 1) : null;
        } catch (final IOException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * Where the strategy API's classes are: the jar or folder holding {@link StrategyDefinition} (the runnable jar in
     * a release, the engine API's classes in a build), so a strategy file compiles against the API and the JDK.
     */
    private static String apiClassPath() {
        final CodeSource source = StrategyDefinition.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                final URI location = source.getLocation().toURI();
                if ("file".equals(location.getScheme())) {
                    return Path.of(location).toString();
                }
            } catch (final URISyntaxException | IllegalArgumentException e) {
                // fall back to the class path
            }
        }
        return System.getProperty("java.class.path", "") + File.pathSeparator;
    }

    private static List<StrategyDefinition> load(final String name, final Map<String, byte[]> classes) {
        final MemoryClassLoader loader = new MemoryClassLoader(classes, StrategyDefinition.class.getClassLoader());
        final List<StrategyDefinition> definitions = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (final String className : classes.keySet()) {
            final Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (final ClassNotFoundException | LinkageError e) {
                throw new IllegalArgumentException(name + ": cannot load class " + className + ": " + e, e);
            }
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isAnonymousClass()
                || type.isLocalClass() || !StrategyDefinition.class.isAssignableFrom(type)) {
                continue;
            }
            final StrategyDefinition definition = instantiate(name, type);
            if (names.contains(definition.name())) {
                throw new IllegalArgumentException(name + ": two classes define the strategy '" + definition.name()
                    + "'");
            }
            names.add(definition.name());
            definitions.add(definition);
        }
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException(name + ": defines no strategy: it needs a class implementing "
                + StrategyDefinition.class.getName() + " (ringtrade new-strategy NAME writes a starting file)");
        }
        return definitions;
    }

    private static StrategyDefinition instantiate(final String name, final Class<?> type) {
        try {
            final Constructor<?> constructor = type.getDeclaredConstructor();
            // a class without a package or "public" is still the user's to run
            constructor.setAccessible(true);
            return (StrategyDefinition) constructor.newInstance();
        } catch (final NoSuchMethodException e) {
            throw new IllegalArgumentException(name + ": class " + type.getName() + " needs a constructor without"
                + " arguments", e);
        } catch (final InvocationTargetException e) {
            throw new IllegalArgumentException(name + ": creating " + type.getName() + " failed: " + e.getCause(), e);
        } catch (final ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(name + ": cannot create " + type.getName() + ": " + e, e);
        }
    }

    /** Keeps the compiler's class files in memory instead of writing them next to the source. */
    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> outputs;

        MemoryFileManager(final StandardJavaFileManager standard, final Map<String, ByteArrayOutputStream> outputs) {
            super(standard);
            this.outputs = outputs;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(final Location location, final String className,
                                                   final JavaFileObject.Kind kind, final FileObject sibling) {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            outputs.put(className, bytes);
            return new SimpleJavaFileObject(URI.create("memory:///" + className.replace('.', '/') + kind.extension),
                kind) {
                @Override
                public OutputStream openOutputStream() {
                    return bytes;
                }
            };
        }
    }

    /** Defines the compiled classes of one file; everything else comes from the engine's class loader. */
    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryClassLoader(final Map<String, byte[]> classes, final ClassLoader parent) {
            super("strategy-file", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(final String className) throws ClassNotFoundException {
            final byte[] bytes = classes.get(className);
            if (bytes == null) {
                throw new ClassNotFoundException(className);
            }
            return defineClass(className, bytes, 0, bytes.length);
        }
    }
}
