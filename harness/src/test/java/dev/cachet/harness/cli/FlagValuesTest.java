package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every option and parameter of every command that takes a number, size, duration or path, taken from picocli's
 * model so that new ones are walked too, given values no one should pass: each is refused at parse time with one
 * line naming it and the usage exit code, or, where 0 is a value it takes, accepted and documented in its help.
 */
class FlagValuesTest {
    private static final Set<Class<?>> NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class);
    private static final List<String> BAD_NUMBERS = List.of("0", "-1", "", "99999999999999999999", "abc", "1e3", "NaN");
    private static final List<String> BAD_DURATIONS = List.of("0", "0s", "-1", "-5m", "", "99999999999999999999", "abc");
    private static final List<String> BAD_PATHS = List.of("", " ");
    private static final String PLACEHOLDER = "placeholder";

    /** A command, one of its options or parameters, and the value it is given, with what else the command needs. */
    record Case(List<String> command, String name, String value, List<String> args, ArgSpec spec) {
        @Override
        public String toString() {
            return String.join(" ", command) + " " + name + " '" + value + "'";
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        walk(CACHET, List.of(), cases);
        return cases.stream();
    }

    private static void walk(CommandLine command, List<String> path, List<Case> cases) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            for (String value : badValues(option)) {
                List<String> args = new ArrayList<>(path);
                args.add(option.longestName());
                args.add(value);
                args.addAll(positionals(command, Optional.empty()));
                cases.add(new Case(path, option.longestName(), value, args, option));
            }
        }
        for (PositionalParamSpec positional : command.getCommandSpec().positionalParameters()) {
            for (String value : badValues(positional)) {
                List<String> args = new ArrayList<>(path);
                args.addAll(positionals(command, Optional.of(new Given(positional, value))));
                cases.add(new Case(path, positional.paramLabel(), value, args, positional));
            }
        }
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                walk(sub, subPath, cases);
            }
        });
    }

    /** Bad values for the argument's type; for a map, each bad value on the side that takes one, a good one on the other. */
    private static List<String> badValues(ArgSpec arg) {
        Class<?>[] types = arg.auxiliaryTypes();
        if (arg.isOption() && ((OptionSpec) arg).usageHelp() || arg.isOption() && ((OptionSpec) arg).versionHelp()) {
            return List.of();
        }
        if (Map.class.isAssignableFrom(arg.type())) {
            List<String> values = new ArrayList<>();
            String goodKey = NUMBERS.contains(types[0]) ? "1" : "hybrid.keep";
            bad(types[1]).forEach(value -> values.add(goodKey + "=" + value));
            bad(types[0]).forEach(value -> values.add(value + "=1"));
            return values;
        }
        return bad(arg.isMultiValue() ? types[0] : arg.type());
    }

    private static List<String> bad(Class<?> type) {
        if (NUMBERS.contains(type)) {
            return BAD_NUMBERS;
        }
        if (type == Duration.class) {
            return BAD_DURATIONS;
        }
        return type == Path.class ? BAD_PATHS : List.of();
    }

    private record Given(PositionalParamSpec positional, String value) {}

    /** The positional parameters in order: {@code given}'s value, and a placeholder for each other one it needs. */
    private static List<String> positionals(CommandLine command, Optional<Given> given) {
        int last = given.map(g -> g.positional().index().min()).orElse(-1);
        List<String> values = new ArrayList<>();
        for (PositionalParamSpec p : command.getCommandSpec().positionalParameters()) {
            if (given.isPresent() && given.get().positional() == p) {
                values.add(given.get().value());
            } else if (p.required() || p.index().min() < last) {
                values.add(PLACEHOLDER);
            }
        }
        return values;
    }

    // One command line for every case: building picocli's model of every command costs a quarter second.
    private static final CommandLine CACHET = commandLine();

    private static CommandLine commandLine() {
        return Main.commandLine(Clock.systemUTC(), Map.of("HOME", CliRun.HOME.toString()), Path.of("").toAbsolutePath());
    }

    /** Runs the command line as cachet does; only arguments it refuses to parse are given, so nothing runs. */
    private static CliRun refused(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CACHET.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_bad_value_is_one_usage_line_naming_the_flag_or_zero_is_documented(Case bad) {
        Optional<String> refusal = refusal(bad.args());
        if (refusal.isEmpty()) {
            // Only where it is a value the option takes, documented as such; nothing runs with it here.
            assertThat(bad.value()).as(bad + " was accepted").matches("(\\S+=)?0[smh]?");
            assertThat(String.join(" ", bad.spec().description())).as(bad + ": the help says what 0 does")
                    .containsPattern("\\b0\\b");
            return;
        }
        CliRun run = refused(bad.args());
        assertThat(run.exitCode()).as(bad + ": " + run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).as(bad.toString()).hasSize(1);
        assertThat(run.err()).as(bad.toString()).startsWith("cachet: ").contains(bad.name())
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    /** Why parsing refused the arguments; empty when they parse, so nothing is run with a value cachet took. */
    private static Optional<String> refusal(List<String> args) {
        try {
            CACHET.parseArgs(args.toArray(String[]::new));
            return Optional.empty();
        } catch (CommandLine.ParameterException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Test
    void the_walk_reaches_the_options_the_issue_names() {
        assertThat(cases().map(Case::toString)).contains("run --max-turns '0'", "run --max-errors '-1'",
                "run --max-tokens '0'", "run --max-cost '-1'", "bench context --turns '0'",
                "eval --max-total-cost '-1'", "eval --jobs '0'", "replay --out ''", "bench stats --size '0'",
                "replay --cache-keepalive '0'", "replay --pause-at '0=1'", "eval SUITE ''");
    }

    @Test
    void a_flag_that_must_be_at_least_one_says_so_and_names_itself() {
        CliRun run = refused(List.of("eval", "--jobs", "0", "suite.yaml"));
        assertThat(run.err().strip()).isEqualTo("cachet: Invalid value for option '--jobs': must be at least 1, got 0 "
                + "(see 'cachet eval --help')");
    }

    @Test
    void an_absurd_number_says_how_large_it_may_be() {
        CliRun run = refused(List.of("run", "--max-turns", "99999999999999999999", "task"));
        assertThat(run.err().strip()).isEqualTo("cachet: Invalid value for option '--max-turns': '99999999999999999999' "
                + "is too large; at most 2147483647 (see 'cachet run --help')");
    }

    @Test
    void a_budget_in_dollars_takes_cents_and_refuses_nothing_and_the_absurd() {
        assertThat(refusal(List.of("run", "--max-cost", "0.50", "task"))).isEmpty();
        assertThat(refusal(List.of("run", "--max-cost", "0", "task"))).hasValueSatisfying(m ->
                assertThat(m).contains("must be more than 0, got 0"));
        assertThat(refusal(List.of("eval", "--max-total-cost", "2000000", "s.yaml"))).hasValueSatisfying(m ->
                assertThat(m).contains("'2000000' is more than 1000000 US dollars"));
    }

    @Test
    void a_size_takes_binary_units_in_every_command() {
        assertThat(refusal(List.of("bench", "stats", "--size", "64k"))).isEmpty();
        assertThat(refusal(List.of("bench", "stats", "--size", "-5m"))).hasValueSatisfying(m ->
                assertThat(m).contains("'-5m' is not a size such as 512m or 8g"));
    }

    @Test
    void a_strategy_parameter_must_name_strategy_and_parameter() {
        assertThat(refusal(List.of("replay", "-P", "horizon=50"))).hasValueSatisfying(m ->
                assertThat(m).contains("'horizon' is not STRATEGY.NAME, e.g. hybrid.keep"));
    }

    @Test
    void a_parse_error_is_one_line_with_the_help_to_read() {
        CliRun run = refused(List.of("stats", "--jobs", "abc"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).containsExactly(
                "cachet: Invalid value for option '--jobs': 'abc' is not a whole number (see 'cachet stats --help')");
    }
}
