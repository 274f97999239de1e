package dev.cachet.harness.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Tool;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Forty MCP tools as four common servers list them (GitHub, Postgres, Playwright, Slack): names, descriptions and
 * input schemas modelled on the real ones, in the shape the TypeScript SDK sends (draft-07, no additional
 * properties), so each costs what a real server's tool costs in the prompt: 100 to 400 tokens.
 */
final class SyntheticMcpTools {
    private static final String OWNER = "owner:string!:Repository owner (a user or an organization)";
    private static final String REPO = "repo:string!:Repository name, without the owner";
    private static final String PER_PAGE = "perPage:number:Results per page for pagination (min 1, max 100)";
    private static final String PAGE = "page:number:Page number for pagination (min 1)";
    private static final String ELEMENT = "element:string:Human-readable element description used to obtain permission to interact with the element";
    private static final String REF = "ref:string:Exact target element reference from the page snapshot";
    private static final String CHANNEL = "channel_id:string!:The ID of the channel, such as C01234ABCDE";
    private static final String CURSOR = "cursor:string:Pagination cursor for the next page of results, from the previous response";
    private static final String INDEX_METHOD = "method:dta|llm:Method to use for the analysis: dta (database tuning advisor) or llm";
    private static final String INDEX_SIZE = "max_index_size_mb:integer:Maximum total size of the recommended indexes, in MB (default 10000)";

    /**
     * One tool: its parameters are {@code name:type:description}, with {@code !} after the type when required; a
     * type is string, number, integer, boolean, string[] or the values of a string enum separated by {@code |}.
     */
    private record Row(String server, String name, String description, List<String> params) {}

    private static final List<Row> ROWS = List.of(
            row("github", "get_issue", "Get details of a specific issue in a GitHub repository: title, body, state, labels, "
                    + "assignees, milestone and the number of comments.",
                    OWNER, REPO, "issue_number:number!:The number of the issue"),
            row("github", "create_issue", "Create a new issue in a GitHub repository.",
                    OWNER, REPO, "title:string!:Issue title", "body:string:Issue body content, in GitHub-flavored Markdown",
                    "assignees:string[]:Usernames to assign to this issue", "labels:string[]:Labels to apply to this issue",
                    "milestone:number:Milestone number", "type:string:Type of this issue, if the organization defines issue types"),
            row("github", "list_issues", "List issues in a GitHub repository. For pagination, use the 'endCursor' from the "
                    + "previous response's 'pageInfo' in the 'after' parameter.",
                    OWNER, REPO, "state:OPEN|CLOSED:Filter by state; both states when omitted",
                    "labels:string[]:Filter by labels", "orderBy:CREATED_AT|UPDATED_AT|COMMENTS:Order issues by field; "
                            + "if provided, the 'direction' also needs to be provided",
                    "direction:ASC|DESC:Order direction; if provided, the 'orderBy' also needs to be provided",
                    "since:string:Filter by date (ISO 8601 timestamp)", PER_PAGE,
                    "after:string:Cursor for pagination: the endCursor of the previous page"),
            row("github", "add_issue_comment", "Add a comment to a specific issue in a GitHub repository. Use this tool to "
                    + "add comments to pull requests as well (pass the pull request number as issue_number), but only if "
                    + "the user is not asking specifically to add review comments.",
                    OWNER, REPO, "issue_number:number!:Issue number to comment on", "body:string!:Comment content"),
            row("github", "list_pull_requests", "List pull requests in a GitHub repository. If the user specifies an "
                    + "author, do not use this tool: use search_pull_requests instead.",
                    OWNER, REPO, "state:open|closed|all:Filter by state", "head:string:Filter by head user/org and branch",
                    "base:string:Filter by base branch", "sort:created|updated|popularity|long-running:Sort by",
                    "direction:asc|desc:Sort direction", PER_PAGE, PAGE),
            row("github", "get_pull_request", "Get details of a specific pull request in a GitHub repository: title, body, "
                    + "state, branches, mergeability, review decision and the checks on its head commit.",
                    OWNER, REPO, "pullNumber:number!:Pull request number"),
            row("github", "create_pull_request", "Create a new pull request in a GitHub repository.",
                    OWNER, REPO, "title:string!:PR title", "body:string:PR description",
                    "head:string!:Branch containing the changes", "base:string!:Branch to merge into",
                    "draft:boolean:Create as a draft PR", "maintainer_can_modify:boolean:Allow maintainer edits"),
            row("github", "merge_pull_request", "Merge a pull request in a GitHub repository.",
                    OWNER, REPO, "pullNumber:number!:Pull request number", "commit_title:string:Title for the merge commit",
                    "commit_message:string:Extra detail for the merge commit", "merge_method:merge|squash|rebase:Merge method"),
            row("github", "search_code", "Fast and precise code search across all GitHub repositories using GitHub's native "
                    + "search engine. Best for finding exact symbols, functions, classes, or specific code patterns.",
                    "query:string!:Search query using GitHub's code search syntax. Examples: 'content:Skill language:Java "
                            + "org:github', 'NOT is:archived language:Python OR language:go', 'repo:github/github-mcp-server'. "
                            + "Supports exact matching, language filters, path filters, and more.",
                    "sort:string:Sort field ('indexed' only)", "order:asc|desc:Sort order for results", PER_PAGE, PAGE),
            row("github", "get_file_contents", "Get the contents of a file or directory from a GitHub repository.",
                    OWNER, REPO, "path:string:Path to file or directory (default: the repository root)",
                    "ref:string:Accepts optional git refs such as refs/tags/{tag}, refs/heads/{branch} or refs/pull/{pr_number}/head",
                    "sha:string:Accepts optional commit SHA. If specified, it will be used instead of ref"),

            row("postgres", "list_schemas", "List all schemas in the database, with their owners and whether each is a "
                    + "system schema or a user schema.",
                    "include_system:boolean:Include pg_catalog, information_schema and the pg_toast schemas (default false)",
                    "name_pattern:string:Only schemas whose names match this LIKE pattern, such as app_%"),
            row("postgres", "list_objects", "List objects in a schema: tables, views, sequences or extensions, with their "
                    + "owners and estimated row counts.",
                    "schema_name:string!:Schema name", "object_type:table|view|sequence|extension:Object type (default table)"),
            row("postgres", "get_object_details", "Show detailed information about a database object: columns with types "
                    + "and defaults, constraints, indexes and, for a table, its size and last vacuum and analyze times.",
                    "schema_name:string!:Schema name", "object_name:string!:Object name",
                    "object_type:table|view|sequence|extension:Object type (default table)"),
            row("postgres", "execute_sql", "Execute a SQL query against the connected PostgreSQL database and return the "
                    + "rows as JSON. In restricted mode only read-only statements are allowed; each runs in a read-only "
                    + "transaction with a statement timeout.",
                    "sql:string!:SQL to run", "max_rows:integer:Most rows to return (default 500)",
                    "timeout_ms:integer:Cancel the statement after this many milliseconds (default 30000)"),
            row("postgres", "explain_query", "Explains the execution plan for a SQL query, showing how the database will "
                    + "execute it and detailed cost estimates.",
                    "sql:string!:SQL query to explain", "analyze:boolean:When true, actually runs the query to show real "
                            + "execution statistics instead of estimates. Takes longer but provides more accurate information.",
                    "hypothetical_indexes:string[]:Indexes to simulate, as CREATE INDEX statements, to see whether the "
                            + "planner would use them (needs the hypopg extension)"),
            row("postgres", "get_top_queries", "Reports the slowest or most resource-intensive queries using data from the "
                    + "'pg_stat_statements' extension.",
                    "sort_by:total_time|mean_time|resources:Ranking criterion: total execution time, mean time per "
                            + "execution, or resource-intensive queries", "limit:integer:Number of queries to return (default 10)"),
            row("postgres", "analyze_db_health", "Analyzes database health: invalid, duplicate and bloated indexes, "
                    + "connection utilization, vacuum health and transaction id wraparound, sequences near their maximum, "
                    + "replication lag, buffer cache hit rates and invalid constraints.",
                    "health_type:string:Comma-separated checks to run: index, connection, vacuum, sequence, replication, "
                            + "buffer, constraint, or all (default all)"),
            row("postgres", "analyze_query_indexes", "Analyze a list of (up to 10) SQL queries and recommend optimal indexes.",
                    "queries:string[]!:List of query strings to analyze", INDEX_SIZE, INDEX_METHOD),
            row("postgres", "analyze_workload_indexes", "Analyze frequently executed queries in the database and recommend "
                    + "optimal indexes.", INDEX_SIZE, INDEX_METHOD),
            row("postgres", "list_locks", "Show the locks currently held or awaited, joined with pg_stat_activity so each "
                    + "lock shows its query, its backend's state and how long it has waited.",
                    "blocked_only:boolean:Only locks that some backend is waiting for (default false)",
                    "database:string:Only this database (default: the connected one)"),

            row("playwright", "browser_navigate", "Navigate the browser's current tab to a URL and wait for the page to "
                    + "load; returns the page title, the URL after redirects and a snapshot of the page.",
                    "url:string!:The URL to navigate to",
                    "waitUntil:load|domcontentloaded|networkidle|commit:When to consider the navigation done (default load)",
                    "timeout:number:Maximum navigation time in milliseconds (default 30000)"),
            row("playwright", "browser_snapshot", "Capture an accessibility snapshot of the current page; this is better "
                    + "than a screenshot. Each element gets a ref that browser_click, browser_type and the other "
                    + "interaction tools take.",
                    "filename:string:Save the snapshot to this markdown file instead of returning it",
                    "selector:string:Only snapshot the element matching this CSS selector (default: the whole page)"),
            row("playwright", "browser_click", "Perform a click on a web page.",
                    ELEMENT, REF, "doubleClick:boolean:Whether to perform a double click instead of a single click",
                    "button:left|right|middle:Button to click, defaults to left",
                    "modifiers:string[]:Modifier keys to press: Alt, Control, ControlOrMeta, Meta, Shift"),
            row("playwright", "browser_type", "Type text into an editable element.",
                    ELEMENT, REF, "text:string!:Text to type into the element",
                    "submit:boolean:Whether to submit entered text (press Enter after)",
                    "slowly:boolean:Whether to type one character at a time. Useful for triggering key handlers in the "
                            + "page. By default the entire text is filled in at once."),
            row("playwright", "browser_fill_form", "Fill multiple form fields at once: text boxes, checkboxes, radio "
                    + "buttons, comboboxes and sliders, each found by its ref from the page snapshot.",
                    "fields:string[]!:Fields to fill in, each as 'ref=value'; checkboxes take true or false, comboboxes "
                            + "the text of the option to select"),
            row("playwright", "browser_take_screenshot", "Take a screenshot of the current page. You can't perform "
                    + "actions based on the screenshot; use browser_snapshot for actions.",
                    "type:png|jpeg:Image format for the screenshot. Default is png.",
                    "filename:string:File name to save the screenshot to. Defaults to page-{timestamp}.{png|jpeg}.",
                    ELEMENT + ". If not provided, the screenshot will be taken of viewport. If element is provided, ref "
                            + "must be provided too.", REF + ". If not provided, the screenshot will be taken of viewport.",
                    "fullPage:boolean:When true, takes a screenshot of the full scrollable page, instead of the currently "
                            + "visible viewport. Cannot be used with element screenshots."),
            row("playwright", "browser_wait_for", "Wait for text to appear or disappear or a specified time to pass.",
                    "time:number:The time to wait in seconds", "text:string:The text to wait for",
                    "textGone:string:The text to wait for to disappear",
                    "timeout:number:Give up after this many seconds (default 30)"),
            row("playwright", "browser_evaluate", "Evaluate a JavaScript expression on the page or on an element, and "
                    + "return its result as JSON.",
                    "function:string!:() => { /* code */ } or (element) => { /* code */ } when an element is provided",
                    ELEMENT, REF),
            row("playwright", "browser_console_messages", "Returns all console messages of the current page since it was "
                    + "loaded: logs, warnings, errors and uncaught exceptions, with their source locations.",
                    "level:error|warning|info|debug:Only messages of this level or more severe (default info)",
                    "since:string:Only messages logged after this ISO 8601 time"),
            row("playwright", "browser_network_requests", "Returns all network requests since loading the page, with "
                    + "method, URL, status and timing.",
                    "includeStatic:boolean:Whether to include successful static resources like images, fonts, scripts, "
                            + "etc. Defaults to false.", "urlPattern:string:Only requests whose URL contains this text",
                    "method:string:Only requests with this HTTP method, such as POST"),

            row("slack", "slack_list_channels", "List public or pre-defined channels in the workspace with pagination.",
                    "limit:number:Maximum number of channels to return (default 100, max 200)", CURSOR,
                    "exclude_archived:boolean:Leave out archived channels (default true)"),
            row("slack", "slack_post_message", "Post a new message to a Slack channel. The message is formatted with "
                    + "Slack's mrkdwn: *bold*, _italic_, `code`, <url|text> links and <@U123> mentions.",
                    CHANNEL, "text:string!:The message text to post"),
            row("slack", "slack_reply_to_thread", "Reply to a specific message thread in Slack.",
                    CHANNEL, "thread_ts:string!:The timestamp of the parent message in the format '1234567890.123456'. "
                            + "Timestamps in the format without the period can be converted by adding the period such "
                            + "that 6 numbers come after it.", "text:string!:The reply text"),
            row("slack", "slack_add_reaction", "Add a reaction emoji to a message.",
                    CHANNEL, "timestamp:string!:The timestamp of the message to react to",
                    "reaction:string!:The name of the emoji reaction (without ::)"),
            row("slack", "slack_get_channel_history", "Get recent messages from a channel, newest first, with their "
                    + "authors, timestamps, reactions and reply counts.",
                    CHANNEL, "limit:number:Number of messages to retrieve (default 10)",
                    "oldest:string:Only messages after this timestamp", CURSOR),
            row("slack", "slack_get_thread_replies", "Get all replies in a message thread.",
                    CHANNEL, "thread_ts:string!:The timestamp of the parent message in the format '1234567890.123456'. "
                            + "Timestamps in the format without the period can be converted by adding the period such "
                            + "that 6 numbers come after it."),
            row("slack", "slack_get_users", "Get a list of all users in the workspace with their basic profile "
                    + "information: name, display name, title, time zone and whether they are a bot.",
                    CURSOR, "limit:number:Maximum number of users to return (default 100, max 200)"),
            row("slack", "slack_get_user_profile", "Get detailed profile information for a specific user: names, title, "
                    + "email, phone, status and custom profile fields.",
                    "user_id:string!:The user's ID, such as U01234ABCDE",
                    "include_labels:boolean:Also return the labels of custom profile fields (default false)"),
            row("slack", "slack_search_messages", "Search messages in the channels the bot can read. The query takes "
                    + "Slack's search modifiers: in:#channel, from:@user, has:link, before:2024-01-31, after:2024-01-01.",
                    "query:string!:Search query, with modifiers", "sort:score|timestamp:Sort results by relevance or date",
                    "count:number:Results per page (default 20, max 100)", PAGE),
            row("slack", "slack_update_message", "Edit a message the bot posted earlier; other users' messages cannot be "
                    + "edited.",
                    CHANNEL, "ts:string!:The timestamp of the message to edit", "text:string!:The new message text"));

    /** The issue from GitHub, the rows from Postgres, the report on Slack. */
    private static final McpCalls CALLS = new McpCalls(
            ToolScript.BUG + ", and tell the backend channel on Slack when it is done.",
            ToolScript.act("get_issue", "{'owner':'acme','repo':'shop','issue_number':412}"),
            ToolScript.act("execute_sql",
                    "{'sql':'SELECT id, created_at FROM orders ORDER BY created_at LIMIT 20 OFFSET 20'}"),
            ToolScript.act("execute_sql", "{'sql':'SELECT count(*) FROM orders'}"),
            ToolScript.act("slack_post_message", "{'channel_id':'C0BACKEND','text':'Fixed #412: /orders pages now start at "
                    + "the right offset; test added, ready for review.'}"),
            Map.of("get_issue", "get github issue",
                    "execute_sql", "run sql query postgres database",
                    "slack_post_message", "slack post message channel"));

    private SyntheticMcpTools() {}

    /** All forty, server by server, each answering every call with about 300 tokens. */
    static McpToolSet set() {
        return new McpToolSet(McpToolSet.SYNTHETIC, ROWS.stream().map(Row::server).distinct().toList(),
                ROWS.stream().<Tool>map(row -> new ScriptedTool(spec(row), McpToolSet.OUTPUT_CHARS)).toList(), CALLS);
    }

    private static Row row(String server, String name, String description, String... params) {
        return new Row(server, name, description, Arrays.asList(params));
    }

    private static ToolSpec spec(Row row) {
        ObjectNode schema = Json.mapper().createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Json.mapper().createArrayNode();
        for (String param : row.params()) {
            String[] parts = param.split(":", 3);
            String type = parts[1].replace("!", "");
            ObjectNode property = properties.putObject(parts[0]);
            if (type.contains("|")) {
                property.put("type", "string").set("enum", enumValues(type));
            } else if (type.endsWith("[]")) {
                property.put("type", "array").putObject("items").put("type", type.substring(0, type.length() - 2));
            } else {
                property.put("type", type);
            }
            property.put("description", parts[2]);
            if (parts[1].endsWith("!")) {
                required.add(parts[0]);
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false).put("$schema", "http://json-schema.org/draft-07/schema#");
        return new ToolSpec(row.name(), row.description(), schema);
    }

    private static ArrayNode enumValues(String type) {
        ArrayNode values = Json.mapper().createArrayNode();
        Arrays.stream(type.split("\\|")).forEach(values::add);
        return values;
    }
}
