package dev.cachet.tools.sandbox;

/**
 * How much one confined command may take: threads and processes together (as the kernel counts them for
 * RLIMIT_NPROC), and address space per process (RLIMIT_AS). The defaults leave room for a parallel build on a JVM
 * (which reserves a few GB of address space up front) and stop a fork bomb or a runaway allocation.
 */
public record ProcessLimits(int processes, long memoryBytes) {
    public static final ProcessLimits DEFAULT = new ProcessLimits(1024, 8L << 30);

    public ProcessLimits {
        if (processes < 1 || memoryBytes < 1) {
            throw new IllegalArgumentException("process limits must be positive, got " + processes + " processes and "
                    + memoryBytes + " bytes");
        }
    }
}
