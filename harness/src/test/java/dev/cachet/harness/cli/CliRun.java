package dev.cachet.harness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import dev.cachet.harness.config.ConfigFiles;
import java.time.Clock;
import java.util.List;

/** Runs the cachet command line in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return withConfig(new ConfigFiles(List.of()), args);
    }

    static CliRun withConfig(ConfigFiles config, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(Clock.systemUTC(), config)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
