package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

/** Reading test trajectories. */
final class Traces {
    private Traces() {}

    /** The one session of a file that holds exactly one. */
    static Trajectory only(TraceFormat format, Path file) {
        List<Trajectory> trajectories = format.read(file);
        assertThat(trajectories).hasSize(1);
        return trajectories.get(0);
    }
}
