package dev.cachet.tools;

import static dev.cachet.tools.ToolTesting.args;
import static org.assertj.core.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ArgsTest {
    @Test
    void reads_strings_and_reports_a_missing_one_by_name() throws ToolException {
        Args args = new Args("t", args("path", "a.txt", "nothing", null));

        assertThat(args.string("path")).isEqualTo("a.txt");
        assertThat(args.optionalString("nothing")).isEmpty();
        assertThat(args.optionalString("absent")).isEmpty();
        assertThatExceptionOfType(ToolException.class).isThrownBy(() -> args.string("absent"))
                .withMessage("t: missing required string argument 'absent'");
    }

    @Test
    void refuses_a_string_argument_of_another_type() {
        assertThatExceptionOfType(ToolException.class).isThrownBy(() -> new Args("t", args("path", 3)).string("path"))
                .withMessage("t: argument 'path' must be a string, got NUMBER");
    }

    @Test
    void reads_integers_and_refuses_strings_fractions_and_overflow() throws ToolException {
        assertThat(new Args("t", args("n", 7)).optionalInt("n")).contains(7);
        assertThat(new Args("t", args()).optionalInt("n")).isEmpty();
        for (Object bad : new Object[] {"7", 1.5, 10_000_000_000L, true}) {
            assertThatExceptionOfType(ToolException.class).as(String.valueOf(bad))
                    .isThrownBy(() -> new Args("t", args("n", bad)).optionalInt("n"))
                    .withMessageStartingWith("t: argument 'n' must be an integer, got ");
        }
    }

    @Test
    void positive_int_uses_the_default_and_refuses_zero_and_negatives() throws ToolException {
        assertThat(new Args("t", args()).positiveInt("n", 5)).isEqualTo(5);
        assertThat(new Args("t", args("n", 1)).positiveInt("n", 5)).isEqualTo(1);
        assertThatExceptionOfType(ToolException.class).isThrownBy(() -> new Args("t", args("n", 0)).positiveInt("n", 5))
                .withMessage("t: argument 'n' must be at least 1, got 0");
        assertThatExceptionOfType(ToolException.class).isThrownBy(() -> new Args("t", args("n", -3)).positiveInt("n", 5))
                .withMessage("t: argument 'n' must be at least 1, got -3");
    }
}
