package dev.cachet.harness.cli;

import dev.cachet.harness.loop.StopRequest;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a session runs: the first asks the session to stop, which ends the running
 * command's process tree, logs the stop and exits 130; a second exits at once. The JDK's own shutdown on these
 * signals could do neither: it cannot wait for the session to log its stop, nor be hurried by a second Ctrl-C.
 */
final class SignalStop implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private SignalStop() {}

    /** Handles the signals for as long as it is open; the handlers before it come back when it closes. */
    static SignalStop install(StopRequest stop, PrintWriter err) {
        return install(stop, err, "stopping the session");
    }

    /** @param what what the first signal does, as the user is told: "stopping the session" */
    static SignalStop install(StopRequest stop, PrintWriter err, String what) {
        return install(stop::requested, stop::request, err, what);
    }

    /**
     * As {@link #install(StopRequest, PrintWriter, String)}, for what is not one session: an eval's runs.
     *
     * @param requested whether a signal came already
     * @param request   asks to stop, with the reason its stop events give: "stopped by Ctrl-C"
     */
    static SignalStop install(BooleanSupplier requested, Consumer<String> request, PrintWriter err, String what) {
        SignalStop installed = new SignalStop();
        // Marked as the first handler starts: a second signal as the user reads its line may come before the stop
        // is requested (each signal is handled on a thread of its own).
        AtomicBoolean signalled = new AtomicBoolean();
        BooleanSupplier again = () -> signalled.getAndSet(true) || requested.getAsBoolean();
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            installed.previous.put(signal, Signal.handle(signal,
                    received -> onSignal(received, again, request, err, what)));
        }
        return installed;
    }

    /** Leaves the signals as they are, for cachet run inside a process of its own (tests run it in theirs). */
    static SignalStop none() {
        return new SignalStop();
    }

    private static void onSignal(Signal received, BooleanSupplier again, Consumer<String> request, PrintWriter err,
            String what) {
        if (again.getAsBoolean()) {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        String by = received.getName().equals("INT") ? "Ctrl-C" : "SIGTERM";
        err.println();
        err.println("cachet: " + what + " (" + by + "); Ctrl-C again to quit at once");
        err.flush();
        request.accept("stopped by " + by);
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
