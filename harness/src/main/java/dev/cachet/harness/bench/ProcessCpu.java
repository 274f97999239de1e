package dev.cachet.harness.bench;

import java.lang.management.ManagementFactory;

/** The CPU time this process has used, all threads: what a busy shared machine does not inflate, as wall time is. */
public final class ProcessCpu {
    private ProcessCpu() {}

    public static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
