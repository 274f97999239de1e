package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher {@code ./cachet} and its class-data archives, run by sh against a java on the PATH that logs how it
 * was started: a first run of a command has java write an archive as it exits, the next run keeps it once a JVM maps
 * it, and later runs map it; whatever fails, the command runs as it would without, and nothing is said.
 */
class LauncherTest {
    /**
     * Logs its arguments (and whether the archive it is to write stands there already); writes that archive as it
     * ends, as Java does; the archive check fails when FAIL_CHECK is set.
     */
    private static final String FAKE_JAVA = """
            #!/bin/sh
            echo "$*" >> "$JAVA_LOG"
            for arg; do
                case "$arg" in -XX:ArchiveClassesAtExit=*) [ -e "${arg#*=}" ] && echo "placeholder" >> "$JAVA_LOG" ;; esac
            done
            case " $* " in *" -Xshare:on "*) [ -z "${FAIL_CHECK:-}" ]; exit $? ;; esac
            echo "ran $*" | sed 's/.* -jar [^ ]* /ran /'
            for arg; do
                case "$arg" in -XX:ArchiveClassesAtExit=*) printf 'classes' > "${arg#*=}" ;; esac
            done
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
    void a_first_run_writes_an_archive_the_next_keeps_and_later_runs_map() throws Exception {
        Run first = run(Map.of(), "replay", "logs");
        assertThat(first.out()).isEqualTo("ran replay logs\n");
        // The empty file stands for the archive while the first run goes: a run started meanwhile writes none.
        assertThat(javaCalls()).hasSize(2).endsWith("placeholder").first().asString()
                .contains("-XX:ArchiveClassesAtExit=" + cds);
        Files.delete(log);
        assertThat(archives()).singleElement().asString().matches(".*-replay\\.jsa\\.\\d+\\.tmp");

        run(Map.of(), "replay", "logs");
        List<String> calls = javaCalls();
        assertThat(calls.get(0)).contains("-Xshare:on").endsWith("-version");
        String archive = cds + "/" + archives().get(0);
        assertThat(archive).endsWith("-replay.jsa");
        assertThat(calls.get(1)).contains("-XX:SharedArchiveFile=" + archive).endsWith("replay logs");

        run(Map.of(), "replay", "other");
        assertThat(javaCalls()).hasSize(3).last().asString().contains("-XX:SharedArchiveFile=" + archive);
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
    void each_command_has_an_archive_of_its_own() throws Exception {
        run(Map.of(), "--version");
        run(Map.of(), "stats", "daily");
        run(Map.of(), "--version");

        assertThat(archives()).hasSize(2).anyMatch(name -> name.endsWith("-cachet.jsa"))
                .anyMatch(name -> name.matches(".*-stats\\.jsa\\.\\d+\\.tmp"));
    }

    @Test
    void an_archive_a_jvm_cannot_map_is_dropped_and_written_again_silently() throws Exception {
        run(Map.of(), "replay");

        Run second = run(Map.of("FAIL_CHECK", "1"), "replay");

        assertThat(second.status()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(javaCalls().get(3)).contains("-XX:ArchiveClassesAtExit=").doesNotContain("SharedArchiveFile");
        assertThat(archives()).singleElement().asString().endsWith(".tmp");
    }

    @Test
    void an_archive_being_written_by_a_live_run_is_left_alone() throws Exception {
        run(Map.of(), "replay");
        Path written = cds.resolve(archives().get(0));
        Path live = written.resolveSibling(written.getFileName().toString()
                .replaceAll("\\.\\d+\\.tmp$", "." + ProcessHandle.current().pid() + ".tmp"));
        Files.move(written, live);

        run(Map.of(), "replay");

        assertThat(javaCalls().get(2)).isEqualTo(
                "-XX:+UseSerialGC -Xmn32m -XX:TieredStopAtLevel=1 -jar " + launcher.resolveSibling("harness/target/cachet.jar")
                        + " replay");
        assertThat(archives()).containsExactly(live.getFileName().toString());
    }

    @Test
    void a_rebuilt_jar_gets_new_archives_and_the_old_ones_go() throws Exception {
        run(Map.of(), "replay");
        run(Map.of(), "replay");
        String old = archives().get(0);
        Files.writeString(launcher.resolveSibling("harness/target/cachet.jar"), "a newer jar");

        run(Map.of(), "replay");
        run(Map.of(), "replay");

        assertThat(archives()).singleElement().asString().endsWith("-replay.jsa").isNotEqualTo(old);
    }

    @Test
    void without_a_cache_directory_the_command_runs_as_before() throws Exception {
        Files.writeString(dir.resolve("cache"), "a file where the cache directory would be");

        Run run = run(Map.of("EXIT", "2"), "replay");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("ran replay\n");
        assertThat(run.err()).isEmpty();
        assertThat(javaCalls()).singleElement().asString().doesNotContain("-Xshare").doesNotContain("Archive");
    }

    @Test
    void the_command_status_and_java_options_pass_through_and_the_archive_is_checked_with_the_options() throws Exception {
        Run run = run(Map.of("EXIT", "3", "CACHET_JAVA_OPTS", "-Xmx2g"), "stats");
        run(Map.of("CACHET_JAVA_OPTS", "-Xmx2g"), "stats");

        assertThat(run.status()).isEqualTo(3);
        assertThat(javaCalls().get(0)).contains("-Xmx2g -jar ");
        assertThat(javaCalls().get(2)).contains("-Xmx2g -Xshare:on").endsWith("-version");
    }

    @Test
    void another_checkouts_archives_are_left_alone() throws Exception {
        Path other = Files.writeString(Files.createDirectories(cds).resolve("123-9-9-9-9-replay.jsa"), "classes");

        run(Map.of(), "replay");
        run(Map.of(), "replay");

        assertThat(other).exists();
        assertThat(archives()).hasSize(2).anyMatch(name -> name.endsWith("-replay.jsa") && !name.startsWith("123-"));
    }

    private record Run(int status, String out, String err) {}

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
        int status = process.waitFor();
        return new Run(status, Files.readString(out), Files.readString(err));
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

    private List<String> javaCalls() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private List<String> archives() throws IOException {
        try (Stream<Path> files = Files.list(cds)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
