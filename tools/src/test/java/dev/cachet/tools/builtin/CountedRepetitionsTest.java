package dev.cachet.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountedRepetitionsTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "count               ; 1",
        "a{3}                ; 3",
        "a{2,5}b{7}          ; 7",
        "a{4,}               ; 4",
        "(?:(?:^){1000}){30} ; 30000",
        "((?:a){1000})b      ; 1000",
        "(?:(?:^){2000000000}){2000000000} ; 4000000000000000000",
        "x\\{99999}          ; 1",
        "[{99999}]           ; 1",
        "[]{}]{9}            ; 9",
        "(a{5}|b{9}){2}      ; 18",
        "a{,9}               ; 1",
        "((?:^){1000})(b){9} ; 1000",
        "\\Q{99999}\\E{3}     ; 3",
        "\\Q{99999}          ; 1"})
    void is_the_largest_product_of_nested_counts(String regex, long product) {
        assertThat(CountedRepetitions.of(regex.strip())).isEqualTo(product);
    }
}
