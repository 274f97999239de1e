package dev.cachet.evals.suite;

import java.util.stream.Stream;

/**
 * Suites that break the format, each with where and why the reader rejects it. The schema must reject every one
 * of them at the same field; see SuiteSchemaTest.
 */
final class InvalidSuites {
    private InvalidSuites() {}

    /** {@code field} is empty for the document itself. */
    record Case(String yaml, int line, String field, String message) {
        String error() {
            return line + ": " + (field.isEmpty() ? "" : field + ": ") + message;
        }

        @Override
        public String toString() {
            return error();
        }
    }

    private static final String TASK = """
              - id: a
                repo: r
                prompt: p
                check: c
            """;

    static Stream<Case> all() {
        return Stream.of(
                new Case("""
                        tasks:
                        """ + TASK, 1, "name", "missing required field"),
                new Case("""
                        name: demo
                        """, 1, "tasks", "missing required field"),
                new Case("""
                        name: demo
                        tasks: []
                        """, 2, "tasks", "must not be empty"),
                new Case("""
                        - name: demo
                        """, 1, "", "expected a mapping, got a list"),
                new Case("""
                        name: demo
                        colour: blue
                        tasks:
                        """ + TASK, 2, "colour", "unknown field"),
                new Case("""
                        name: demo
                        defaults:
                          max_turns: 20
                        tasks:
                        """ + TASK + """
                          - id: b
                            repo: r
                            check: c
                            prompt: "  "
                        """, 12, "tasks[1].prompt", "must not be blank"),
                new Case("""
                        name: demo
                        tasks:
                          - id: a
                            repo: r
                            prompt: p
                            check: c
                            colour: blue
                        """, 7, "tasks[0].colour", "unknown field"),
                new Case("""
                        name: demo
                        defaults:
                          max_turns: ten
                        tasks:
                        """ + TASK, 3, "defaults.max_turns", "expected an integer >= 1, got \"ten\""),
                new Case("""
                        name: demo
                        defaults:
                          check_timeout: 2m
                          colour: blue
                        tasks:
                        """ + TASK, 4, "defaults.colour", "unknown field"),
                new Case("""
                        name: demo
                        defaults:
                          timeout: 10 minutes
                        tasks:
                        """ + TASK,
                        3, "defaults.timeout", "expected a duration like 90s, 30m or 2h, got \"10 minutes\""),
                new Case("""
                        name: demo
                        defaults:
                          check_timeout: 90
                        tasks:
                        """ + TASK, 3, "defaults.check_timeout", "expected a duration like 90s, 30m or 2h, got 90"),
                new Case("""
                        name: demo
                        tasks:
                          - id: fix it
                            repo: r
                            prompt: p
                            check: c
                        """, 3, "tasks[0].id", "expected an id of letters, digits, '.', '_' and '-', got \"fix it\""),
                new Case("""
                        name: demo
                        tasks:
                          - id: ..
                            repo: r
                            prompt: p
                            check: c
                        """, 3, "tasks[0].id", "expected an id of letters, digits, '.', '_' and '-', got \"..\""),
                new Case("""
                        name: demo
                        tasks:
                          - id: 42
                            repo: r
                            prompt: p
                            check: c
                        """, 3, "tasks[0].id", "expected an id of letters, digits, '.', '_' and '-', got 42"),
                new Case("""
                        name: demo
                        tasks:
                          - id: a
                            repo: r
                            prompt: p
                        """, 3, "tasks[0].check", "missing required field"),
                new Case("""
                        name: demo
                        tasks:
                          - id: a
                            repo: r
                            prompt: [fix, it]
                            check: c
                        """, 5, "tasks[0].prompt", "expected a string, got a list"),
                new Case("""
                        name: demo
                        tasks:
                          - id: a
                            repo: r
                            setup:
                            prompt: p
                            check: c
                        """, 5, "tasks[0].setup", "expected a string, got null"),
                new Case("""
                        name: demo
                        tasks:
                          - id: a
                            repo: r
                            commit: ""
                            prompt: p
                            check: c
                        """, 5, "tasks[0].commit", "must not be blank"),
                new Case("""
                        name: demo
                        tasks:
                          - id: a
                            repo: r
                            prompt: p
                            check: c
                            max_turns: 0
                        """, 7, "tasks[0].max_turns", "expected an integer >= 1, got 0"),
                new Case("""
                        name: demo
                        tasks:
                          - id: a
                            repo: r
                            prompt: p
                            check: c
                            max_cost: 0
                        """, 7, "tasks[0].max_cost", "expected a number > 0, got 0"),
                new Case("""
                        name: demo
                        tasks:
                          - id: a
                            repo: r
                            prompt: p
                            check: c
                            check_timeout: 1m
                        """, 7, "tasks[0].check_timeout", "unknown field"),
                new Case("""
                        name: demo
                        tasks:
                          - id: a
                            repo: r
                            prompt: p
                            check: c
                            tags:
                              - bug
                              - 3
                        """, 9, "tasks[0].tags[1]", "expected a string, got 3"),
                withTaskField("check_files: [tests, ../outside]", "tasks[0].check_files[1]",
                        "expected a path inside the repository, got \"../outside\""),
                withTaskField("check_files: [/etc/passwd]", "tasks[0].check_files[0]",
                        "expected a path inside the repository, got \"/etc/passwd\""),
                withTaskField("check_files: [\".\"]", "tasks[0].check_files[0]",
                        "expected a path inside the repository, got \".\""),
                withTaskField("check_network: \"yes\"", "tasks[0].check_network", "expected true or false, got \"yes\""),
                new Case("""
                        name: demo
                        tasks:
                          - fix-it
                        """, 3, "tasks[0]", "expected a mapping, got \"fix-it\""));
    }

    /** The one task of a valid suite with one more field, on line 7, which is wrong as {@code message} says. */
    private static Case withTaskField(String line, String field, String message) {
        return new Case("name: demo\ntasks:\n" + TASK + "    " + line + "\n", 7, field, message);
    }
}
