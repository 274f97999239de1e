package dev.cachet.tools.catalog;

/** How deferred tools reach the model. */
public enum ToolLoading {
    /** Every schema in the tools array from the first request: simple, and paid for on every turn. */
    EAGER,
    /**
     * Core tools plus {@code tool_search} and {@code call_tool} in the array; other schemas arrive as search results
     * when the model asks, so the cached tools array never changes.
     */
    DEFERRED
}
