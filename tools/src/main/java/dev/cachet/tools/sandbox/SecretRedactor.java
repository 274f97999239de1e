package dev.cachet.tools.sandbox;

import dev.cachet.context.HeadTailBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Takes the values of secret-looking environment variables (see {@link CommandEnvironment#isSecret}, which covers
 * cachet's own provider keys) out of text bound for the model, as {@code [redacted:NAME]}. A last line of defence
 * behind the sandbox, for a secret that reaches a tool result anyway: a key in a file the model reads, a variable
 * the user passed on to commands, a tool server that echoes its credentials.
 */
public final class SecretRedactor {
    // A value this short (a flag like 1 or true, a port, a user name) turns up in ordinary text by chance: redacting
    // it would garble results, and where the marks fell would give the value away all the same. Keys and tokens are
    // far longer.
    static final int MIN_LENGTH = 8;
    /**
     * The shortest part of a secret redacted where a cut meets it: only there, so a few characters that happen to
     * match cost little, and what is left gives away at most three characters at each side of a cut.
     */
    static final int MIN_FRAGMENT = 4;

    private final List<Secret> secrets;

    private SecretRedactor(List<Secret> secrets) {
        this.secrets = secrets;
    }

    /** Redacts every secret in {@code environment}, whether commands get it or not. */
    public static SecretRedactor of(Map<String, String> environment) {
        // Longest value first, so a secret that contains another is redacted whole.
        return new SecretRedactor(environment.entrySet().stream()
                .filter(variable -> CommandEnvironment.isSecret(variable.getKey()))
                .map(variable -> new Secret(variable.getKey(), variable.getValue()))
                .filter(secret -> secret.value().length() >= MIN_LENGTH)
                .sorted(Comparator.comparingInt((Secret secret) -> secret.value().length()).reversed()
                        .thenComparing(Secret::name))
                .toList());
    }

    public String redact(String text) {
        String redacted = text;
        for (Secret secret : secrets) {
            redacted = redacted.replace(secret.value(), secret.mark());
        }
        return secrets.isEmpty() ? redacted : aroundCuts(redacted);
    }

    /**
     * A long output keeps its head and tail ({@link HeadTailBuffer}): a secret the cut fell in has its start before
     * the cut's mark and its end after it, each too short for the whole value to be found. Two calls cut at two places
     * would give the whole value away.
     */
    private String aroundCuts(String text) {
        Matcher cut = HeadTailBuffer.CUT_MARK.matcher(text);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (cut.find()) {
            out.append(withoutStartAtEnd(text.substring(from, cut.start()))).append(cut.group());
            from = cut.end();
            for (Secret secret : secrets) {
                int length = endAt(secret, text, from);
                if (length > 0) {
                    out.append(secret.mark());
                    from += length;
                    break;
                }
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    /** {@code text} with a secret's start that ends it redacted. */
    private String withoutStartAtEnd(String text) {
        for (Secret secret : secrets) {
            for (int length = secret.value().length() - 1; length >= MIN_FRAGMENT; length--) {
                if (text.endsWith(secret.value().substring(0, length))) {
                    return text.substring(0, text.length() - length) + secret.mark();
                }
            }
        }
        return text;
    }

    /** The length of the longest end of {@code secret} that {@code text} has at {@code from}; 0 if none. */
    private static int endAt(Secret secret, String text, int from) {
        for (int length = secret.value().length() - 1; length >= MIN_FRAGMENT; length--) {
            if (text.startsWith(secret.value().substring(secret.value().length() - length), from)) {
                return length;
            }
        }
        return 0;
    }

    private record Secret(String name, String value) {
        String mark() {
            return "[redacted:" + name + "]";
        }
    }
}
