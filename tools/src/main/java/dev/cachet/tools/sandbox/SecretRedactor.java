package dev.cachet.tools.sandbox;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

    private final List<Secret> secrets;

    private SecretRedactor(List<Secret> secrets) {
        this.secrets = secrets;
    }

    /** Redacts every secret in {@code environment}, whether commands get it or not. */
    public static SecretRedactor of(Map<String, String> environment) {
        // Longest value first, so a secret that contains another is redacted whole.
        return new SecretRedactor(environment.entrySet().stream()
                .filter(variable -> CommandEnvironment.isSecret(variable.getKey(), variable.getValue()))
                .map(variable -> new Secret(variable.getKey(), variable.getValue()))
                .filter(secret -> secret.value().length() >= MIN_LENGTH)
                .sorted(Comparator.comparingInt((Secret secret) -> secret.value().length()).reversed()
                        .thenComparing(Secret::name))
                .toList());
    }

    public String redact(String text) {
        String redacted = text;
        for (Secret secret : secrets) {
            redacted = redacted.replace(secret.value(), "[redacted:" + secret.name() + "]");
        }
        return redacted;
    }

    private record Secret(String name, String value) {}
}
