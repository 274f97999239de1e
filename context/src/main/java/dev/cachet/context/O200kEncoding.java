package dev.cachet.context;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * jtokkit's o200k_base, built from the rank file jtokkit bundles with the rank table read from its bytes: jtokkit
 * decodes the 3.6 MB file into a string per line and splits, decodes and parses each string, which a cold JVM does
 * in 0.3 s, against 0.1 s here (the whole encoding: 0.55 -> 0.4 CPU s, most of the rest jtokkit's own table
 * building). The pattern and special tokens are jtokkit 1.1's for o200k_base (EncodingFactory.o200kBase);
 * O200kEncodingTest checks every token's bytes and varied texts against jtokkit's own.
 */
final class O200kEncoding {
    static final String RANKS = "/com/knuddels/jtokkit/o200k_base.tiktoken";
    static final String PATTERN = String.join("|", List.of(
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+"));
    private static final Map<String, Integer> SPECIAL_TOKENS = Map.of("<|endoftext|>", 199_999, "<|endofprompt|>", 200_018);
    private static final Base64.Decoder BASE64 = Base64.getDecoder();
    /** o200k_base has 199,998 ranked tokens. */
    private static final int TOKENS = 199_998;

    private O200kEncoding() {}

    static Encoding read() {
        GptBytePairEncodingParams params = new GptBytePairEncodingParams(EncodingType.O200K_BASE.getName(),
                Pattern.compile(PATTERN, Pattern.UNICODE_CHARACTER_CLASS), ranks(bundledRanks()), SPECIAL_TOKENS);
        // A registry of its own, so the name o200k_base is ours and no lazy registry reads the file again.
        return Encodings.newLazyEncodingRegistry().registerGptBytePairEncoding(params)
                .getEncoding(EncodingType.O200K_BASE.getName()).orElseThrow();
    }

    private static byte[] bundledRanks() {
        try (InputStream in = Encodings.class.getResourceAsStream(RANKS)) {
            if (in == null) {
                throw new IllegalStateException("jtokkit's jar has no " + RANKS);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RANKS, e);
        }
    }

    /** Each line of a tiktoken rank file ({@code <base64 token> <rank>\n}) as token bytes and rank. */
    static Map<byte[], Integer> ranks(byte[] file) {
        Map<byte[], Integer> ranks = new HashMap<>(TOKENS * 4 / 3 + 1);
        int at = 0;
        int line = 1;
        while (at < file.length) {
            int space = at;
            while (space < file.length && file[space] != ' ' && file[space] != '\n') {
                space++;
            }
            if (space == file.length || file[space] != ' ') {
                throw new IllegalStateException(RANKS + ":" + line + ": not '<base64 token> <rank>'");
            }
            int end = space + 1;
            int rank = 0;
            while (end < file.length && file[end] != '\n') {
                int digit = file[end++] - '0';
                if (digit < 0 || digit > 9) {
                    throw new IllegalStateException(RANKS + ":" + line + ": not a rank");
                }
                rank = rank * 10 + digit;
            }
            if (end == space + 1) {
                throw new IllegalStateException(RANKS + ":" + line + ": not a rank");
            }
            ranks.put(BASE64.decode(Arrays.copyOfRange(file, at, space)), rank);
            at = end + 1;
            line++;
        }
        return ranks;
    }
}
