package dev.cachet.providers.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ModelSpec;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelChoiceTest {
    @Test
    void a_recording_named_by_a_relative_path_is_logged_absolute_so_a_resume_from_elsewhere_finds_it() {
        ModelChoice logged = ModelChoice.of(ModelSpec.parse("replay:recordings/../demo/session.jsonl", Optional.empty(),
                CacheLifetime.AUTO));

        Path absolute = Path.of("recordings/../demo/session.jsonl").toAbsolutePath();
        assertThat(logged.spec()).isEqualTo("replay:" + absolute);
        assertThat(logged.toSpec().name()).isEqualTo(absolute.toString());
    }

    @Test
    void any_other_model_is_logged_as_given() {
        ModelSpec spec = ModelSpec.parse("openai-compatible:qwen/qwen3", Optional.of("http://localhost:8000/v1"),
                CacheLifetime.FIVE_MINUTES);

        assertThat(ModelChoice.of(spec).toSpec()).isEqualTo(spec);
    }
}
