package dev.cachet.harness.bench;

/** The same scripted session with deferred and with eager tool loading, and the goal: far fewer schema tokens. */
public record ToolBenchComparison(ToolBenchRun eager, ToolBenchRun deferred) {
    /** Deferred loading should spend at least this share fewer tool-schema tokens than eager loading. */
    public static final double GOAL_REDUCTION = 0.80;

    public double schemaRatio() {
        return (double) deferred.schemaTokens() / eager.schemaTokens();
    }

    public double inputRatio() {
        return (double) deferred.inputTokens() / eager.inputTokens();
    }

    public double inputPerTurnRatio() {
        return deferred.inputTokensPerTurn() / eager.inputTokensPerTurn();
    }

    public double costRatio() {
        return deferred.costUsd() / eager.costUsd();
    }

    /** Deferred over eager for what the MCP tools add beyond the core tools' schemas. */
    public double mcpSchemaRatio() {
        return (double) deferred.mcpSchemaTokens() / eager.mcpSchemaTokens();
    }

    public boolean meetsGoal() {
        return schemaRatio() <= 1 - GOAL_REDUCTION;
    }

    /** Deferred tokens as a share of eager's schema tokens: how much of the schema ratio one source takes. */
    public double ofEagerSchemas(long deferredTokens) {
        return (double) deferredTokens / eager.schemaTokens();
    }

    /**
     * The schema ratio deferred loading would reach if the MCP tools cost nothing at all. Above
     * {@code 1 - GOAL_REDUCTION}, the core tools alone keep the goal out of reach.
     */
    public double coreOnlyRatio() {
        return ofEagerSchemas(deferred.coreSchemaTokens());
    }
}
