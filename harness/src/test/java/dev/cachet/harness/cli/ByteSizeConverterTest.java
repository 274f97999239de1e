package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** --size and --max-memory share these units; their help says what they take. */
class ByteSizeConverterTest {
    private final ByteSizeConverter converter = new ByteSizeConverter();

    @ParameterizedTest
    @CsvSource({"512, 512", "512b, 512", "64k, 65536", "64KB, 65536", "1m, 1048576", "1mb, 1048576",
        "1MiB, 1048576", "8g, 8589934592", "1t, 1099511627776", "2TiB, 2199023255552"})
    void reads_plain_bytes_and_binary_units_written_as_people_write_them(String value, long bytes) {
        assertThat(converter.convert(value)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0m", "lots", "1p", "5ib", "1mbb", "-1m", "1.5g", "9999999999999999"})
    void refuses_what_is_no_size(String value) {
        assertThatThrownBy(() -> converter.convert(value)).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessage("'" + value + "' is not a size such as 512m or 8g");
    }
}
