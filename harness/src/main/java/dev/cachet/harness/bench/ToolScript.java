package dev.cachet.harness.bench;

import java.util.List;
import java.util.Map;

/**
 * The fixed session the tool benchmark plays: a pagination bug fixed from its GitHub issue, checked against the
 * data, tested, and reported. Thirty actions: reads, searches, edits and test runs with the core tools, and four
 * calls of three MCP tools, which each {@link McpToolSet} supplies as {@link McpCalls}.
 */
final class ToolScript {
    /** The bug, as every tool set's task states it before saying how to report. */
    static final String BUG = "Fix issue #412 in acme/shop: GET /orders?page=2 returns the first page again. Add a test";

    /** One thing the agent does, whichever way its tool is offered; arguments are JSON. */
    record Action(String tool, String arguments) {}

    private static final String SRC = "src/main/java/com/acme/shop/orders/";
    private static final String TEST = "src/test/java/com/acme/shop/orders/";

    static List<Action> actions(McpCalls mcp) {
        return List.of(
                mcp.readIssue(),
                act("grep", "{'pattern':'page','glob':'*.java','path':'" + SRC + "'}"),
                act("read_file", "{'path':'" + SRC + "OrderController.java'}"),
                act("read_file", "{'path':'" + SRC + "OrderRepository.java'}"),
                act("read_file", "{'path':'" + SRC + "Pagination.java'}"),
                mcp.lookUp(),
                act("list_files", "{'path':'" + TEST + "'}"),
                act("read_file", "{'path':'" + TEST + "OrderControllerTest.java'}"),
                act("run_command", "{'command':'mvn -q test -Dtest=OrderControllerTest'}"),
                act("edit_file", "{'path':'" + TEST + "OrderControllerTest.java','old_string':'class OrderControllerTest {',"
                        + "'new_string':'class OrderControllerTest {\\n    @Test void secondPageStartsAfterFirst() {}'}"),
                act("run_command", "{'command':'mvn -q test -Dtest=OrderControllerTest'}"),
                act("update_task_state", "{'ops':[{'op':'add_fact','text':'offset is computed as page * size with 1-based pages'}]}"),
                act("edit_file", "{'path':'" + SRC + "Pagination.java','old_string':'page * size','new_string':'(page - 1) * size'}"),
                act("run_command", "{'command':'mvn -q test -Dtest=OrderControllerTest'}"),
                act("read_file", "{'path':'" + SRC + "OrderRepository.java'}"),
                mcp.lookUpAgain(),
                act("edit_file", "{'path':'" + SRC + "OrderRepository.java','old_string':'ORDER BY created_at',"
                        + "'new_string':'ORDER BY created_at, id'}"),
                act("run_command", "{'command':'mvn -q test -Dtest=OrderControllerTest'}"),
                act("grep", "{'pattern':'Pagination.of','glob':'*.java'}"),
                act("read_file", "{'path':'src/main/java/com/acme/shop/customers/CustomerController.java'}"),
                act("edit_file", "{'path':'src/main/java/com/acme/shop/customers/CustomerController.java',"
                        + "'old_string':'Pagination.of(page - 1, size)','new_string':'Pagination.of(page, size)'}"),
                act("run_command", "{'command':'mvn -q test'}"),
                act("git_status", "{}"),
                act("git_diff", "{}"),
                act("update_task_state", "{'ops':[{'op':'add_decision','text':'pages stay 1-based; Pagination converts'}]}"),
                act("run_command", "{'command':'mvn -q verify'}"),
                act("read_file", "{'path':'CHANGELOG.md'}"),
                act("edit_file", "{'path':'CHANGELOG.md','old_string':'## Unreleased','new_string':'## Unreleased\\n- Fix "
                        + "page 2 of GET /orders returning page 1 (#412)'}"),
                mcp.report(),
                act("finish", "{'summary':'Pagination offset fixed for 1-based pages, with a regression test; mvn verify passes.'}"));
    }

    /** What the core tools return, in characters: whole files and test logs are long, edits are acknowledged. */
    private static final Map<String, Integer> CORE_OUTPUT_CHARS = Map.of(
            "read_file", 4_000, "run_command", 2_500, "git_diff", 2_000, "grep", 1_000, "list_files", 600);
    private static final int SHORT_OUTPUT_CHARS = 100;

    private ToolScript() {}

    static int coreOutputChars(String tool) {
        return CORE_OUTPUT_CHARS.getOrDefault(tool, SHORT_OUTPUT_CHARS);
    }

    // Arguments are written with single quotes to keep the table readable; none of them contains one.
    static Action act(String tool, String arguments) {
        return new Action(tool, arguments.replace('\'', '"'));
    }
}
