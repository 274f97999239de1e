package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.harness.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchLogsTest {
    private static final long GIB = 1L << 30;

    @Test
    void made_up_logs_may_take_four_fifths_of_the_free_space_leaving_room_for_the_caches_and_others() {
        Path tmp = Path.of("/tmp");

        assertThatCode(() -> BenchLogs.fits(8 * GIB, tmp, 10 * GIB)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BenchLogs.fits(8 * GIB + 1, tmp, 10 * GIB)).isInstanceOf(InputException.class)
                .hasMessage("--size 8.0 GiB: the temporary directory /tmp has 10.0 GiB free, room for at most 8.0 GiB "
                        + "of logs with their caches; choose a smaller --size, or another directory with "
                        + "CACHET_JAVA_OPTS=-Djava.io.tmpdir=DIR");
    }

    @Test
    void sizes_read_in_binary_units() {
        assertThat(BenchLogs.binary(1023)).isEqualTo("1023 bytes");
        assertThat(BenchLogs.binary(1536)).isEqualTo("1.5 KiB");
        assertThat(BenchLogs.binary(49L * GIB)).isEqualTo("49.0 GiB");
    }
}
