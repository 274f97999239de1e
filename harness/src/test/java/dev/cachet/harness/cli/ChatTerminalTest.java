package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;

class ChatTerminalTest {
    @Test
    void a_terminal_jline_has_no_copy_of_gets_xterms_capabilities_so_infocmp_is_never_run() throws Exception {
        ChatTerminal.capabilitiesWithoutInfocmp("cachet-test-kitty-256color");
        ChatTerminal.capabilitiesWithoutInfocmp("xterm");

        // getInfoCmp runs infocmp only for a terminal whose capabilities are not loaded.
        assertThat(InfoCmp.getInfoCmp("cachet-test-kitty-256color")).isEqualTo(InfoCmp.getDefaultInfoCmp("xterm-256color"));
        assertThat(InfoCmp.getInfoCmp("xterm")).isEqualTo(InfoCmp.getDefaultInfoCmp("xterm"));
    }
}
