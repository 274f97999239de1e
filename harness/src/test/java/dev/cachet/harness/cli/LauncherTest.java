package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Command;

/**
 * The launcher {@code ./cachet} and its class-data archives, run by sh against a java on the PATH that logs how it
 * was started: a first run of a command lists the classes it loads, a later run has the list dumped to an archive
 * apart while its command runs without one, the dump is kept once a JVM maps it, and later runs map it; whatever
 * fails, the command runs as it would without and nothing is said (a dump that failed is not tried again).
 */
// Each test has a directory of its own; most wait for a dump to end, an orphan whose end is seen once init reaps it
// (seconds on some machines), so they wait side by side.
@Execution(ExecutionMode.CONCURRENT)
class LauncherTest {
    private static final String FLAGS = "-XX:+UseSerialGC -Xmn16m -XX:TieredStopAtLevel=1";
    private static final Pattern DUMPER = Pattern.compile(".*\\.jsa\\.(\\d+)\\.tmp");

    /**
     * Logs its arguments, and "placeholder" where the list or archive it is to write stands there already. A run
     * writes its class list as it starts, and deletes the one it is named when GIVE_UP_LIST is set; a dump (held until DUMP_GATE is written, when set) writes the archive of
     * the list it reads, and fails when FAIL_DUMP is set; the archive check fails when FAIL_CHECK is set.
     */
    private static final String FAKE_JAVA = """
            #!/bin/sh
            echo "$*" >> "$JAVA_LOG"
            for arg; do
                case "$arg" in
                    -XX:DumpLoadedClassList=* | -XX:SharedClassListFile=*) list=${arg#*=} ;;
                    -XX:SharedArchiveFile=*) archive=${arg#*=} ;;
                esac
            done
            case " $* " in
                *" -Xshare:dump "*)
                    [ -e "$archive" ] && echo "placeholder" >> "$JAVA_LOG"
                    [ -z "${DUMP_GATE:-}" ] || read -r _ < "$DUMP_GATE"
                    [ -z "${FAIL_DUMP:-}" ] && printf 'archive of %s' "$(cat "$list")" > "$archive"
                    exit $? ;;
                *" -Xshare:on "*) [ -z "${FAIL_CHECK:-}" ]; exit $? ;;
            esac
            if [ -n "${list:-}" ]; then
                [ -e "$list" ] && echo "placeholder" >> "$JAVA_LOG"
                printf 'classes' > "$list"
            fi
            # As cachet does after help, a version or a failure: the list it was named goes.
            for arg; do
                case "$arg" in -Dcachet.class-list=*) [ -z "${GIVE_UP_LIST:-}" ] || rm "${arg#*=}" ;; esac
            done
            echo "ran $*" | sed 's/.* -jar [^ ]* /ran /'
            exit "${EXIT:-0}"
            """;

    @TempDir
    Path dir;

    private Path launcher;
    private Path jar;
    private Path log;
    private Path cds;

    @BeforeEach
    void install() throws IOException {
        Path root = Files.createDirectories(dir.resolve("cachet"));
        launcher = Files.copy(Path.of("..", "cachet"), root.resolve("cachet"));
        // A jar and no sources: the launcher finds it up to date and builds nothing.
        jar = Files.writeString(Files.createDirectories(root.resolve("harness/target")).resolve("cachet.jar"), "jar");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("java"), FAKE_JAVA);
        Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        log = dir.resolve("java.log");
        cds = dir.resolve("cache/cachet/cds");
    }

    @Test
    void a_first_run_lists_its_classes_a_later_one_has_them_dumped_apart_and_the_next_maps_the_archive()
            throws Exception {
        Run first = run(Map.of(), "replay", "first");
        assertThat(first.out()).isEqualTo("ran replay first\n");
        String list = cds + "/" + archives().get(0);
        assertThat(list).matches(".*-replay\\.classes\\.\\d+\\.tmp");
        // The empty list stands for it while the first run goes: a run started meanwhile lists nothing.
        assertThat(javaCalls()).containsExactly(FLAGS + " -Xshare:auto -Xlog:cds*=off -XX:DumpLoadedClassList=" + list
                + " -Dcachet.class-list=" + list + " -jar " + jar + " replay first", "placeholder");
        assertThat(Path.of(list)).hasContent("classes");

        Path gate = fifo();
        long dumper;
        try {
            Run second = run(Map.of("DUMP_GATE", gate.toString()), "replay", "second");
            dumper = dumper();
            // The command ran without an archive while the dump goes on; a run meanwhile goes without one too.
            assertThat(second.out()).isEqualTo("ran replay second\n");
            assertThat(ProcessHandle.of(dumper)).isPresent();
            run(Map.of(), "replay", "meanwhile");
            assertThat(javaCalls()).contains(FLAGS + " -jar " + jar + " replay second",
                    FLAGS + " -jar " + jar + " replay meanwhile");
            assertThat(archives()).hasSize(2).contains(Path.of(list).getFileName().toString());
        } finally {
            release(gate);
        }
        awaitDumps();
        String archive = cds + "/" + archives().get(0);
        assertThat(archive).endsWith("-replay.jsa");
        assertThat(archives()).hasSize(1);
        assertThat(Path.of(archive)).hasContent("archive of classes");
        String written = archive + "." + dumper + ".tmp";
        String options = FLAGS + " -XX:ErrorFile=/dev/null -XX:-CreateCoredumpOnCrash -cp " + jar;
        // The dump wrote into a placeholder named by its pid, which a JVM mapped before it took the archive's name.
        assertThat(javaCalls()).containsSubsequence(
                options + " -Xshare:dump -XX:SharedClassListFile=" + list + " -XX:SharedArchiveFile=" + written,
                "placeholder", options + " -Xshare:on -XX:SharedArchiveFile=" + written + " -version");

        Files.delete(log);
        run(Map.of(), "replay", "third");
        assertThat(javaCalls()).containsExactly(FLAGS + " -Xshare:auto -Xlog:cds*=off -XX:SharedArchiveFile=" + archive
                + " -jar " + jar + " replay third");
    }

    @ParameterizedTest
    @ValueSource(strings = {"harness/src/main/java/A.java", "tools/src/main/resources/a.txt", "pom.xml",
            "evals/pom.xml", "examples/demo/task.yaml"})
    void a_main_source_resource_pom_or_example_newer_than_the_jar_has_it_built(String file) throws Exception {
        touchAfterTheJar(file);

        run(Map.of(), "replay");

        assertThat(javaCalls()).first().isEqualTo("mvnw -B -q -o -DskipTests package");
    }

    @ParameterizedTest
    @ValueSource(strings = {"harness/src/test/java/ATest.java", "examples/demo/.cachet/session.jsonl",
            "harness/target/classes/A.class", "notes.txt"})
    void a_test_or_other_file_newer_than_the_jar_builds_nothing(String file) throws Exception {
        touchAfterTheJar(file);

        run(Map.of(), "replay");

        assertThat(javaCalls()).noneMatch(call -> call.startsWith("mvnw"));
    }

    @Test
    void each_command_and_each_of_its_subcommands_or_views_has_an_archive_of_its_own() throws Exception {
        run(Map.of(), "--version");
        run(Map.of(), "stats", "daily");
        run(Map.of(), "stats", "logs");
        run(Map.of(), "--version");
        awaitDumps();

        assertThat(archives()).hasSize(3).anyMatch(name -> name.endsWith("-cachet.jsa"))
                .anyMatch(name -> name.matches(".*-stats-daily\\.classes\\.\\d+\\.tmp"))
                .anyMatch(name -> name.matches(".*-stats\\.classes\\.\\d+\\.tmp"));
    }

    /** The launcher names the views and subcommands that get archives of their own: every one there is. */
    @Test
    void the_launcher_names_every_stats_view_and_every_subcommand() throws IOException {
        String script = Files.readString(Path.of("..", "cachet"));
        List<String> named = new ArrayList<>();
        Arrays.stream(StatsCommand.View.values()).filter(view -> view != StatsCommand.View.session)
                .forEach(view -> named.add("'stats " + view + "'"));
        for (Class<?> command : CachetCommand.COMMANDS) {
            Command declared = command.getAnnotation(Command.class);
            Arrays.stream(declared.subcommands()).forEach(subcommand -> named.add("'" + declared.name() + " "
                    + subcommand.getAnnotation(Command.class).name() + "'"));
        }

        assertThat(named).hasSizeGreaterThan(10).allSatisfy(name -> assertThat(script).contains(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FAIL_DUMP", "FAIL_CHECK"})
    void a_failed_dump_or_an_archive_a_jvm_cannot_map_is_not_tried_again_and_the_runs_go_without(String failure)
            throws Exception {
        run(Map.of(), "replay");

        Run second = run(Map.of(failure, "1"), "replay");
        awaitDumps();

        assertThat(second.status()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(archives()).singleElement().asString().endsWith("-replay.jsa.failed");
        int calls = javaCalls().size();
        Run third = run(Map.of(), "replay");
        // Each try would cost seconds: this jar with these options runs without one from now on.
        assertThat(third.status()).isZero();
        assertThat(javaCalls()).hasSize(calls + 1);
        assertThat(javaCalls().get(calls)).doesNotContain("SharedArchiveFile", "DumpLoadedClassList");
        assertThat(archives()).singleElement().asString().endsWith("-replay.jsa.failed");
    }

    @Test
    void after_a_first_run_that_gave_its_list_up_the_next_run_lists_its_classes() throws Exception {
        run(Map.of("GIVE_UP_LIST", "1"), "replay", "--help");
        assertThat(archives()).isEmpty();

        run(Map.of(), "replay", "session.jsonl");
        awaitDumps();

        List<String> calls = javaCalls().stream().filter(call -> call.contains(" -jar ")).toList();
        assertThat(calls).hasSize(2).allMatch(call -> call.contains("-XX:DumpLoadedClassList="));
        assertThat(archives()).singleElement().asString().matches(".*-replay\\.classes\\.\\d+\\.tmp");
    }

    @Test
    void a_run_that_maps_an_archive_is_named_no_list() throws Exception {
        run(Map.of(), "replay");
        run(Map.of(), "replay");
        awaitDumps();

        run(Map.of(), "replay");

        assertThat(javaCalls().get(javaCalls().size() - 1)).contains("-XX:SharedArchiveFile=")
                .doesNotContain("cachet.class-list");
    }

    @Test
    void other_java_options_get_an_archive_of_their_own() throws Exception {
        run(Map.of(), "replay");
        run(Map.of(), "replay");
        awaitDumps();

        run(Map.of("CACHET_JAVA_OPTS", "-Xmx2g"), "replay");

        List<String> commands = javaCalls().stream().filter(call -> call.contains(" -jar ")).toList();
        assertThat(commands.get(commands.size() - 1)).contains("-Xmx2g", "-XX:DumpLoadedClassList=")
                .doesNotContain("SharedArchiveFile");
        assertThat(archives()).hasSize(2).anyMatch(name -> name.endsWith("-replay.jsa"))
                .anyMatch(name -> name.matches(".*-replay\\.classes\\.\\d+\\.tmp"));
    }

    @Test
    void an_archive_a_dump_cut_short_left_is_dropped_and_the_list_dumped_again() throws Exception {
        Run first = run(Map.of(), "replay");
        String list = archives().get(0);
        // Named by a process that has ended, as a dump that was killed leaves it.
        Path torn = cds.resolve(list.replaceAll("\\.classes\\.\\d+\\.tmp$", ".jsa." + first.pid() + ".tmp"));
        Files.writeString(torn, "half an archive");

        run(Map.of(), "replay");
        awaitDumps();

        assertThat(archives()).singleElement().asString().endsWith("-replay.jsa");
        assertThat(cds.resolve(archives().get(0))).hasContent("archive of classes");
    }

    @Test
    void a_list_being_written_by_a_live_run_is_left_alone() throws Exception {
        run(Map.of(), "replay");
        Path written = cds.resolve(archives().get(0));
        Path live = written.resolveSibling(written.getFileName().toString()
                .replaceAll("\\.\\d+\\.tmp$", "." + ProcessHandle.current().pid() + ".tmp"));
        Files.move(written, live);

        run(Map.of(), "replay");

        assertThat(javaCalls().get(2)).isEqualTo(FLAGS + " -jar " + jar + " replay");
        assertThat(javaCalls()).hasSize(3);
        assertThat(archives()).containsExactly(live.getFileName().toString());
    }

    @Test
    void a_rebuilt_jar_gets_new_archives_and_the_old_ones_go() throws Exception {
        run(Map.of(), "replay");
        run(Map.of(), "replay");
        awaitDumps();
        String old = archives().get(0);
        Files.writeString(jar, "a newer jar");

        run(Map.of(), "replay");

        assertThat(archives()).singleElement().asString().matches(".*-replay\\.classes\\.\\d+\\.tmp")
                .doesNotStartWith(old.replace("-replay.jsa", ""));
    }

    @Test
    void an_archive_of_the_former_dynamic_kind_is_not_mapped_and_goes() throws Exception {
        run(Map.of(), "replay");
        String list = archives().get(0);
        // This jar's archive as the launcher named it when it kept dynamic ones: the jar's id, then the four stamps.
        Path dynamic = cds.resolve(list.replaceAll("^(\\d+)-\\D*(\\d+-\\d+-\\d+-\\d+)-replay\\.classes\\.\\d+\\.tmp$",
                "$1-$2-replay.jsa"));
        assertThat(dynamic.getFileName().toString()).matches("\\d+(-\\d+){4}-replay\\.jsa");
        Files.writeString(dynamic, "dynamic classes");
        Files.delete(cds.resolve(list));

        run(Map.of(), "replay");

        assertThat(javaCalls()).noneMatch(call -> call.contains("SharedArchiveFile"));
        assertThat(dynamic).doesNotExist();
    }

    @Test
    void without_a_cache_directory_the_command_runs_as_before() throws Exception {
        Files.writeString(dir.resolve("cache"), "a file where the cache directory would be");

        Run run = run(Map.of("EXIT", "2"), "replay");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("ran replay\n");
        assertThat(run.err()).isEmpty();
        assertThat(javaCalls()).singleElement().asString().doesNotContain("-Xshare").doesNotContain("ClassList");
    }

    @Test
    void the_command_status_and_java_options_pass_through_and_the_archive_is_dumped_and_checked_with_them()
            throws Exception {
        Run run = run(Map.of("EXIT", "3", "CACHET_JAVA_OPTS", "-Xmx2g"), "stats");
        run(Map.of("CACHET_JAVA_OPTS", "-Xmx2g"), "stats");
        awaitDumps();

        assertThat(run.status()).isEqualTo(3);
        assertThat(javaCalls().get(0)).contains("-Xmx2g -jar ");
        assertThat(javaCalls()).anyMatch(call -> call.contains(" -Xmx2g -XX:ErrorFile=/dev/null")
                && call.contains("-Xshare:dump")).anyMatch(call -> call.contains(" -Xmx2g -XX:ErrorFile=/dev/null")
                && call.contains("-Xshare:on"));
    }

    @Test
    void another_checkouts_archives_are_left_alone() throws Exception {
        Path other = Files.writeString(Files.createDirectories(cds).resolve("123-9-9-9-9-replay.jsa"), "classes");

        run(Map.of(), "replay");
        run(Map.of(), "replay");
        awaitDumps();

        assertThat(other).exists();
        assertThat(archives()).hasSize(2).anyMatch(name -> name.endsWith("-replay.jsa") && !name.startsWith("123-"));
    }

    private record Run(int status, String out, String err, long pid) {}

    private Run run(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("sh", launcher.toString()), Stream.of(args))
                .toList());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", dir.resolve("bin") + ":/usr/bin:/bin", "HOME", dir.toString(),
                "XDG_CACHE_HOME", dir.resolve("cache").toString(), "JAVA_LOG", log.toString()));
        builder.environment().putAll(environment);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // A launcher that waited for the dump would never end while the dump is held.
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err), process.pid());
    }

    /** Writes the file with a time after the jar's, and a stand-in Maven wrapper that logs a build. */
    private void touchAfterTheJar(String file) throws IOException {
        Path written = Files.writeString(Files.createDirectories(launcher.resolveSibling(file).getParent())
                .resolve(Path.of(file).getFileName()), "changed");
        Files.setLastModifiedTime(written,
                FileTime.from(Files.getLastModifiedTime(jar).toInstant().plus(Duration.ofSeconds(10))));
        Path mvnw = Files.writeString(launcher.resolveSibling("mvnw"), """
                #!/bin/sh
                echo "mvnw $*" >> "$JAVA_LOG"
                """);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The pid of the dump in progress, which names the archive it writes. */
    private long dumper() throws IOException {
        return archives().stream().map(DUMPER::matcher).filter(Matcher::matches)
                .mapToLong(match -> Long.parseLong(match.group(1))).findFirst().orElseThrow();
    }

    private void awaitDumps() throws Exception {
        for (String name : archives()) {
            Matcher match = DUMPER.matcher(name);
            if (match.matches()) {
                ProcessHandle.of(Long.parseLong(match.group(1)))
                        .ifPresent(dump -> dump.onExit().orTimeout(30, TimeUnit.SECONDS).join());
            }
        }
    }

    private Path fifo() throws Exception {
        Path gate = dir.resolve("gate");
        assertThat(new ProcessBuilder("mkfifo", gate.toString()).start().waitFor()).isZero();
        return gate;
    }

    /**
     * Lets a held dump go on, also after a failure, so that none is left waiting: a writer opens the pipe, which waits
     * for the dump to open it too (and ends unread where no dump came).
     */
    private void release(Path gate) throws Exception {
        Process writer = new ProcessBuilder("sh", "-c", "echo go > \"$0\"", gate.toString()).start();
        writer.waitFor(30, TimeUnit.SECONDS);
        writer.destroyForcibly();
    }

    private List<String> javaCalls() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private List<String> archives() throws IOException {
        try (Stream<Path> files = Files.list(cds)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
