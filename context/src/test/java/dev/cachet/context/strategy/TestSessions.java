package dev.cachet.context.strategy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import dev.cachet.context.state.StateRules;
import dev.cachet.context.window.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Sessions for strategy tests: a script builder for hand-made sessions, the fixed 14-turn session most strategy tests
 * share, and a seeded generator of long sessions. Everything here is deterministic.
 */
public final class TestSessions {
    public static final String SYSTEM = "You are a coding agent. Work in small, verified steps.";
    static final String TASK = "Fix the failing test in ParserTest";
    static final List<ToolSpec> TOOLS = List.of(
            tool("read_file", "Read a file of the workspace", "path"),
            tool("grep", "Search the workspace for a pattern", "pattern"),
            tool("run_command", "Run a shell command in the workspace", "command"),
            tool("edit_file", "Replace a unique string in a file", "path"));

    /** One counter for all strategy tests: loading the encoding takes about a second, and counts only depend on text. */
    public static final TokenCounter COUNTER = TokenCounter.o200k();

    private static final StateRules RULES = new StateRules();

    private TestSessions() {}

    /** One agent turn: what the assistant said and called, and the results of its calls. */
    public record Turn(AssistantTurn assistant, List<ToolResult> results) {
        public List<Message> messages() {
            List<Message> all = new ArrayList<>();
            all.add(assistant);
            all.addAll(results);
            return all;
        }
    }

    public static Session newSession() {
        return new Session(SYSTEM, TOOLS, TASK);
    }

    /** Appends a turn and updates the task state from its tool results, as the agent loop does. */
    public static void play(Session session, Turn turn) {
        session.append(turn.assistant());
        for (ToolResult result : turn.results()) {
            session.append(result);
            ToolCall call = turn.assistant().toolCalls().stream().filter(c -> c.id().equals(result.callId()))
                    .findFirst().orElseThrow();
            session.updateState(RULES.apply(session.state(), call, result));
        }
    }

    /** Renders once before the first turn and once after each turn: element {@code i} is the window after i turns. */
    public static List<Window> renderEachTurn(ContextStrategy strategy, Session session, List<Turn> turns) {
        List<Window> windows = new ArrayList<>();
        windows.add(strategy.render(session));
        for (Turn turn : turns) {
            play(session, turn);
            windows.add(strategy.render(session));
        }
        return windows;
    }

    /** Builds turns of one call each (or none), numbering the calls c1, c2, ... */
    public static final class Script {
        private final List<Turn> turns = new ArrayList<>();
        private int calls;

        public Script call(String text, String tool, String arguments, String output) {
            return call(text, tool, arguments, output, false, false);
        }

        Script failedCall(String text, String tool, String arguments, String output) {
            return call(text, tool, arguments, output, true, false);
        }

        /** A call whose output holds tool schemas, as a tool search's does. */
        public Script schemaCall(String text, String tool, String arguments, String schemas) {
            return call(text, tool, arguments, schemas, false, true);
        }

        private Script call(String text, String tool, String arguments, String output, boolean error, boolean schema) {
            String id = "c" + ++calls;
            turns.add(new Turn(AssistantTurn.calls(text, new ToolCall(id, tool, arguments)),
                    List.of(new ToolResult(id, tool, output, error, schema))));
            return this;
        }

        Script answer(String text) {
            turns.add(new Turn(AssistantTurn.text(text), List.of()));
            return this;
        }

        public List<Turn> turns() {
            return List.copyOf(turns);
        }
    }

    public static String readArgs(String path) {
        return "{\"path\":\"" + path + "\"}";
    }

    public static String commandArgs(String command) {
        return "{\"command\":\"" + command + "\"}";
    }

    /** Source-like text of about 12 tokens a line, the same for the same arguments. */
    public static String sourceLines(String name, int version, int lines) {
        StringBuilder out = new StringBuilder("class ").append(name).append(" { // version ").append(version).append('\n');
        for (int i = 0; i < lines; i++) {
            out.append("    int ").append(name.toLowerCase()).append(i).append("(int x) { return x * ")
                    .append(i + version).append(" + ").append(i % 7).append("; }\n");
        }
        return out.append("}\n").toString();
    }

    /** A failing build log of about 20 tokens a line that names the test file and the source file. */
    public static String failingBuild(int lines) {
        StringBuilder out = new StringBuilder("exit code 1\n[ERROR] Tests run: 12, Failures: 1\n");
        out.append("[ERROR] ParserTest.parsesNumbers at src/test/ParserTest.java:42\n");
        for (int i = 0; i < lines; i++) {
            out.append("[ERROR]   at dev.example.Parser.step").append(i).append("(Parser.java:").append(100 + i)
                    .append(") expected <").append(i * 3).append("> but was <").append(i * 3 + 1).append(">\n");
        }
        return out.append("[ERROR] see src/main/Parser.java\n[ERROR] BUILD FAILURE\n").toString();
    }

    /**
     * The fixed session of 14 turns (13 observations, c1..c13): a large file read twice (c2, c7) with an edit in
     * between (c6), the test command run three times (c3 bulky and failing, c8 failing, c12 passing), and a final
     * answer without calls.
     */
    public static List<Turn> fixed() {
        return new Script()
                .call("Let me look around.", "run_command", commandArgs("ls -R src"),
                        "exit code 0\nsrc/main/Parser.java\nsrc/main/Lexer.java\nsrc/test/ParserTest.java")
                .call("Reading the parser.", "read_file", readArgs("src/main/Parser.java"), sourceLines("Parser", 1, 100))
                .call("Running the tests.", "run_command", commandArgs("mvn -q test"), failingBuild(70))
                .call("Where is parseNumber used?", "grep", "{\"pattern\":\"parseNumber\"}",
                        "src/main/Parser.java:57: int parseNumber(String s) {\nsrc/test/ParserTest.java:42: parseNumber(\"3\")")
                .call("Reading the test.", "read_file", readArgs("src/test/ParserTest.java"), sourceLines("ParserTest", 1, 25))
                .call("Fixing the off-by-one.", "edit_file",
                        "{\"path\":\"src/main/Parser.java\",\"old\":\"i + 1\",\"new\":\"i\"}", "edited src/main/Parser.java")
                .call("Checking the edit.", "read_file", readArgs("src/main/Parser.java"), sourceLines("Parser", 2, 100))
                .call("Running the tests again.", "run_command", commandArgs("mvn -q test"), failingBuild(15))
                .call("The lexer may be involved.", "grep", "{\"pattern\":\"Lexer\"}",
                        "src/main/Parser.java:3: import Lexer;\nsrc/main/Lexer.java:1: class Lexer {")
                .call("Reading the lexer.", "read_file", readArgs("src/main/Lexer.java"), sourceLines("Lexer", 1, 40))
                .call("Fixing the lexer.", "edit_file",
                        "{\"path\":\"src/main/Lexer.java\",\"old\":\"'-'\",\"new\":\"'+'\"}", "edited src/main/Lexer.java")
                .call("Running the tests a third time.", "run_command", commandArgs("mvn -q test"),
                        "exit code 0\n[INFO] Tests run: 12, Failures: 0\n[INFO] BUILD SUCCESS")
                .call("Reviewing the change.", "run_command", commandArgs("git diff --stat"),
                        "exit code 0\n src/main/Lexer.java | 2 +-\n src/main/Parser.java | 2 +-")
                .answer("Done. Both fixes are in and the tests pass.")
                .turns();
    }

    private static final String[] FILES = {
        "src/main/Parser.java", "src/main/Lexer.java", "src/main/Token.java", "src/main/Ast.java",
        "src/test/ParserTest.java", "src/test/LexerTest.java", "docs/grammar.md", "pom.xml"};
    private static final String[] PATTERNS = {"parseNumber", "TODO", "class Lexer", "throw new", "Token.EOF"};
    private static final String[] COMMANDS = {"mvn -q test", "git status", "ls src/main", "mvn -q test -Dtest=ParserTest"};

    /**
     * A seeded agent-like session: reads of a small set of files (so files are read again), greps, edits, and test
     * commands that are re-run. With {@code bulky}, test runs print long logs and files are large.
     */
    public static List<Turn> generate(long seed, int turnCount, boolean bulky) {
        Random random = new Random(seed);
        Map<String, Integer> versions = new HashMap<>();
        List<Turn> turns = new ArrayList<>();
        int calls = 0;
        for (int t = 1; t <= turnCount; t++) {
            int callCount = t == turnCount ? 0 : random.nextInt(10) < 2 ? 2 : 1;
            List<ToolCall> turnCalls = new ArrayList<>();
            List<ToolResult> results = new ArrayList<>();
            for (int k = 0; k < callCount; k++) {
                String id = "g" + ++calls;
                int kind = random.nextInt(10);
                String file = FILES[random.nextInt(FILES.length)];
                int version = versions.getOrDefault(file, 1);
                ToolCall call;
                String output;
                if (kind < 4) {
                    call = new ToolCall(id, "read_file", readArgs(file));
                    int lines = (bulky ? 40 : 8) + (file.length() * 7 + version * 3) % (bulky ? 120 : 20);
                    output = sourceLines(file.substring(file.lastIndexOf('/') + 1).replace('.', '_'), version, lines);
                } else if (kind < 6) {
                    String pattern = PATTERNS[random.nextInt(PATTERNS.length)];
                    call = new ToolCall(id, "grep", "{\"pattern\":\"" + pattern + "\"}");
                    output = file + ":" + (10 + random.nextInt(90)) + ": " + pattern + "\n" + FILES[(t + k) % FILES.length]
                            + ":" + (1 + random.nextInt(9)) + ": " + pattern;
                } else if (kind < 7) {
                    versions.put(file, version + 1);
                    call = new ToolCall(id, "edit_file", "{\"path\":\"" + file + "\",\"old\":\"v" + version
                            + "\",\"new\":\"v" + (version + 1) + "\"}");
                    output = "edited " + file;
                } else {
                    String command = COMMANDS[random.nextInt(COMMANDS.length)];
                    call = new ToolCall(id, "run_command", commandArgs(command));
                    output = command.startsWith("mvn")
                            ? failingBuild((bulky ? 30 : 3) + random.nextInt(bulky ? 90 : 6))
                            : "exit code 0\n" + file + "\n" + FILES[random.nextInt(FILES.length)];
                }
                turnCalls.add(call);
                results.add(new ToolResult(id, call.name(), output, false));
            }
            String text = "Step " + t + ": " + (callCount == 0 ? "done." : "checking " + FILES[random.nextInt(FILES.length)] + ".");
            turns.add(new Turn(new AssistantTurn(text, turnCalls), results));
        }
        return turns;
    }

    /** The history a session has after these turns: the task, then each turn's messages. */
    public static List<Message> history(List<Turn> turns) {
        List<Message> history = new ArrayList<>();
        history.add(new UserText(TASK));
        turns.forEach(turn -> history.addAll(turn.messages()));
        return history;
    }

    public static int tokens(TokenCounter counter, List<? extends Message> messages) {
        return messages.stream().mapToInt(counter::count).sum();
    }

    /** Tools plus system prompt: what the first breakpoint of every window holds. */
    public static int fixedPrefixTokens(TokenCounter counter) {
        return TOOLS.stream().mapToInt(counter::count).sum() + counter.count(new SystemText(SYSTEM));
    }

    /** The placeholder a masking strategy should leave for a result, written out from the documented format. */
    public static ToolResult placeholder(TokenCounter counter, Turn turn, String reason, String... mentions) {
        ToolCall call = turn.assistant().toolCalls().get(0);
        ToolResult result = turn.results().get(0);
        String text = "[masked " + call.name() + " " + call.arguments() + ": "
                + String.format(Locale.ROOT, "%,d", counter.count(result)) + " tokens, " + reason + "."
                + (mentions.length == 0 ? "" : " Mentioned: " + String.join(", ", mentions) + ".")
                + " Run the tool again to see it.]";
        return new ToolResult(result.callId(), result.toolName(), text, result.error());
    }

    private static ToolSpec tool(String name, String description, String argument) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject(argument).put("type", "string");
        schema.putArray("required").add(argument);
        return new ToolSpec(name, description, schema);
    }
}
