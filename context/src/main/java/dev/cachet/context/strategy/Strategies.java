package dev.cachet.context.strategy;

import dev.cachet.context.TokenCounter;
import java.util.List;
import java.util.Optional;

/** The strategies a user can pick with {@code --strategy}. */
public final class Strategies {
    public static final String DEFAULT = "transcript";

    private final List<ContextStrategy> all;

    public Strategies(TokenCounter counter) {
        this.all = List.of(new TranscriptStrategy(counter));
    }

    public List<ContextStrategy> all() {
        return all;
    }

    public Optional<ContextStrategy> byName(String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
