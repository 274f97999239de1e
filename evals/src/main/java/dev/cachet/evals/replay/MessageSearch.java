package dev.cachet.evals.replay;

import dev.cachet.context.message.Message;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds names in the messages of one trajectory's replay. Every strategy's window shows mostly the same messages,
 * turn after turn, and asks for the same names: each message's trigrams are made once and rule out most names
 * without reading its text, and a message's text is read for a name once. Messages are told apart by identity, as
 * the session holds them: finding one is cheaper than hashing its text.
 */
final class MessageSearch {
    private final Map<Message, Searched> searched = new IdentityHashMap<>();

    /** What is known of one message: its trigrams, and the answers for the names they did not rule out. */
    private record Searched(Trigrams trigrams, Map<String, Boolean> answers) {}

    /** Whether the message's text, tool calls included, holds {@code name}. */
    boolean contains(Message message, String name) {
        Searched known = searched.computeIfAbsent(message,
                m -> new Searched(Trigrams.of(MessageText.texts(m)), new HashMap<>()));
        return known.trigrams().mayContain(name)
                && known.answers().computeIfAbsent(name, n -> MessageText.contains(message, n));
    }
}
