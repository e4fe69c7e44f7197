package io.ringtrade.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns SIGINT and SIGTERM into a request for a clean stop instead of a JVM shutdown, so a stopped run finishes its
 * work on the main thread and exits with 0, and restores the previous handlers afterwards (tests run commands in one
 * JVM). Uses {@code sun.misc.Signal} from module jdk.unsupported, the JDK's way to handle signals, through reflection
 * because javac warns on every direct use of it and the build treats warnings as errors. Where a signal cannot be
 * handled, the JVM's shutdown-hook path still stops the engine. Handlers run on the JVM's signal thread and only
 * count down a latch.
 */
final class StopSignals {
    private final List<Object> signals = new ArrayList<>();
    private final List<Object> previous = new ArrayList<>();
    private final Method handle;

    private StopSignals(final Method handle) {
        this.handle = handle;
    }

    /** Routes INT and TERM to {@code onStop}; does nothing where signals cannot be handled. */
    static StopSignals install(final Runnable onStop) {
        return install(signal -> onStop.run());
    }

    /**
     * Routes INT and TERM to {@code onStop}, which is told the signal's name as {@code SIGINT} or {@code SIGTERM};
     * does nothing where signals cannot be handled.
     */
    static StopSignals install(final Consumer<String> onStop) {
        try {
            final Class<?> signalClass = Class.forName("sun.misc.Signal");
            final Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            final Method nameOf = signalClass.getMethod("getName");
            final StopSignals installed = new StopSignals(signalClass.getMethod("handle", signalClass, handlerClass));
            final Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                (proxy, method, args) -> switch (method.getName()) {
                    case "handle" -> {
                        onStop.accept("SIG" + nameOf.invoke(args[0]));
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "ringtrade stop handler";
                });
            for (final String name : new String[] {"INT", "TERM"}) {
                try {
                    final Object signal = signalClass.getConstructor(String.class).newInstance(name);
                    installed.previous.add(installed.handle.invoke(null, signal, handler));
                    installed.signals.add(signal);
                } catch (final InvocationTargetException notSupported) {
                    // e.g. -Xrs, or the platform lacks the signal: the shutdown hook covers it
                }
            }
            return installed;
        } catch (final ReflectiveOperationException | RuntimeException unavailable) {
            return new StopSignals(null);
        }
    }

    /** Puts the previous handlers back. */
    void restore() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                handle.invoke(null, signals.get(i), previous.get(i));
            } catch (final ReflectiveOperationException e) {
                // nothing more can be done: the process is ending anyway
            }
        }
    }
}
