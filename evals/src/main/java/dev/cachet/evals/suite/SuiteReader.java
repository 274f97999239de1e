package dev.cachet.evals.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.cachet.context.Durations;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads a suite file and validates it by hand against the format that suite.schema.json describes, so that every
 * message can name the line and the field. Keep the two in step: SuiteSchemaTest feeds both the same invalid suites.
 */
final class SuiteReader {
    private static final List<String> SUITE_FIELDS = List.of("name", "defaults", "tasks");
    private static final List<String> DEFAULTS_FIELDS =
            List.of("model", "max_turns", "max_cost", "timeout", "check_timeout");
    private static final List<String> TASK_FIELDS =
            List.of("id", "repo", "commit", "setup", "prompt", "check", "check_files", "check_network", "timeout",
                    "max_turns", "max_cost", "tags");
    // Ids name files and directories, so "." and ".." are out.
    private static final Pattern ID = Pattern.compile("^(?!\\.+$)[A-Za-z0-9._-]+$");
    // A path inside the repository: relative, and never climbing out of it.
    private static final Pattern REPO_PATH = Pattern.compile("^(?!/)(?!\\.?/*$)(?!(.*/)?\\.\\.(/|$))\\S.*$");
    private static final List<String> URL_PREFIXES = List.of("https://", "http://", "ssh://", "git@", "file://");

    private SuiteReader() {}

    static Suite read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteFormatException("suite not found: " + file);
        }
        YamlNode root = YamlDocumentReader.read(file).root().mapping(SUITE_FIELDS);
        String name = root.field("name").text();
        RunBudget defaults = root.field("defaults")
                .optional(node -> budget(node.mapping(DEFAULTS_FIELDS), RunBudget.DEFAULT))
                .orElse(RunBudget.DEFAULT);
        YamlNode tasksNode = root.field("tasks");
        List<YamlNode> taskNodes = tasksNode.list();
        if (taskNodes.isEmpty()) {
            throw tasksNode.error("must not be empty");
        }
        Path baseDir = file.toAbsolutePath().getParent();
        List<SuiteTask> tasks = taskNodes.stream().map(node -> task(node, defaults, baseDir)).toList();
        requireUniqueIds(taskNodes);
        return new Suite(name, file, tasks);
    }

    private static SuiteTask task(YamlNode node, RunBudget defaults, Path baseDir) {
        node.mapping(TASK_FIELDS);
        return new SuiteTask(
                node.field("id").text(ID, "an id of letters, digits, '.', '_' and '-'"),
                repo(node.field("repo").text(), baseDir),
                node.field("commit").optional(YamlNode::text).orElse("HEAD"),
                node.field("setup").optional(YamlNode::text),
                node.field("prompt").text(),
                node.field("check").text(),
                budget(node, defaults),
                node.field("tags").optional(SuiteReader::tags).orElse(List.of()),
                node.field("check_files").optional(SuiteReader::repoPaths).orElse(List.of()),
                node.field("check_network").optional(YamlNode::bool).orElse(false));
    }

    /** Fields written in {@code node} override {@code base}; a task node simply has no model or check_timeout. */
    private static RunBudget budget(YamlNode node, RunBudget base) {
        return new RunBudget(
                node.field("model").optional(YamlNode::text).or(base::model),
                node.field("max_turns").optional(YamlNode::positiveInt).orElse(base.maxTurns()),
                node.field("max_cost").optional(YamlNode::positiveNumber)
                        .map(OptionalDouble::of).orElse(base.maxCostUsd()),
                node.field("timeout").optional(SuiteReader::duration).orElse(base.timeout()),
                node.field("check_timeout").optional(SuiteReader::duration).orElse(base.checkTimeout()));
    }

    private static Duration duration(YamlNode node) {
        return Durations.parse(node.text(Durations.FORMAT, Durations.EXAMPLE)).orElseThrow();
    }

    private static List<String> tags(YamlNode node) {
        return node.list().stream().map(YamlNode::text).toList();
    }

    private static List<String> repoPaths(YamlNode node) {
        return node.list().stream().map(path -> path.text(REPO_PATH, "a path inside the repository")).toList();
    }

    private static String repo(String repo, Path baseDir) {
        boolean url = URL_PREFIXES.stream().anyMatch(repo::startsWith);
        return url ? repo : baseDir.resolve(repo).normalize().toString();
    }

    private static void requireUniqueIds(List<YamlNode> taskNodes) {
        Map<String, Integer> firstLines = new HashMap<>();
        for (YamlNode node : taskNodes) {
            YamlNode id = node.field("id");
            Integer first = firstLines.putIfAbsent(id.value().asText(), id.line());
            if (first != null) {
                throw id.error("duplicate id " + id.value() + ", first used at line " + first);
            }
        }
    }
}
