package dev.cachet.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckScriptsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sh check.sh                                  | check.sh",
        "./check.sh                                   | check.sh",
        "bash -e scripts/test.sh --fast               | scripts/test.sh",
        "CI=1 python3 tests/run.py                    | tests/run.py",
        "./gradlew test                               | gradlew",
        "env X=1 sh \"ci/check.sh\" && exit 1         | ci/check.sh",
        "make -C . test; sh check.sh; sh check.sh     | check.sh",
        "scripts/lint && node test/all.js             | scripts/lint,test/all.js"})
    void finds_the_scripts_a_check_runs(String check, String scripts) {
        assertThat(CheckScripts.in(check)).isEqualTo(List.of(scripts.split(",")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "make test",
        "grep -q fixed src/wrap.c",
        "python3 -m pytest tests/test_wrap.py",
        "sh -c 'exit 0'",
        "/usr/bin/env true",
        "sh ../outside.sh",
        "sh $HOME/check.sh"})
    void finds_none_where_no_script_of_the_repository_runs(String check) {
        assertThat(CheckScripts.in(check)).isEmpty();
    }
}
