package dev.cachet.tools;

/**
 * What a tool call may change outside the session. It decides what a resume does with a call that was running when
 * the session died, and whether a stop may cut a call short.
 */
public enum ToolEffect {
    /** Reads the workspace, or changes only the session's own state: a call cut short is simply run again. */
    NONE,
    /** Changes files from within cachet's own process: never repeated, and never cut off mid-write. */
    FILES,
    /** Runs other processes, which may change anything: never repeated; a stop ends them. */
    PROCESSES
}
