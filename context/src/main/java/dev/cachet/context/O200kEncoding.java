package dev.cachet.context;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingResult;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jtokkit's o200k_base, whose ordinary counts, all that cachet asks of it, come from a compact rank table
 * ({@link O200kRanks}); jtokkit's own encoding, whose tables take 0.3 s to build and 25 MB to hold, is built from the
 * same ranks only when something encodes or decodes. The pattern and special tokens are jtokkit 1.1's for o200k_base
 * (EncodingFactory.o200kBase); O200kEncodingTest checks every token's bytes and varied texts against jtokkit's own.
 */
final class O200kEncoding implements Encoding {
    static final Pattern PATTERN = Pattern.compile(String.join("|", List.of(
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+")), Pattern.UNICODE_CHARACTER_CLASS);
    private static final Map<String, Integer> SPECIAL_TOKENS = Map.of("<|endoftext|>", 199_999, "<|endofprompt|>", 200_018);

    private final BytePairCount pieces;
    private final Once<Encoding> jtokkit;

    /** @param jtokkit the same encoding as jtokkit builds it, for all but ordinary counts; asked once at most */
    O200kEncoding(O200kRanks ranks, Supplier<Encoding> jtokkit) {
        this.pieces = new BytePairCount(ranks);
        this.jtokkit = new Once<>(jtokkit);
    }

    static Encoding read() {
        O200kRanks ranks = O200kRanks.bundled();
        return new O200kEncoding(ranks, () -> jtokkit(ranks));
    }

    private static Encoding jtokkit(O200kRanks ranks) {
        GptBytePairEncodingParams params = new GptBytePairEncodingParams(EncodingType.O200K_BASE.getName(), PATTERN,
                ranks.asMap(), SPECIAL_TOKENS);
        // A registry of its own, so the name o200k_base is ours and no lazy registry reads the file again.
        return Encodings.newLazyEncodingRegistry().registerGptBytePairEncoding(params)
                .getEncoding(EncodingType.O200K_BASE.getName()).orElseThrow();
    }

    /** jtokkit's count: the text split by the pattern, each piece's UTF-8 bytes merged by rank. */
    @Override
    public int countTokensOrdinary(String text) {
        int tokens = 0;
        Matcher piece = PATTERN.matcher(text);
        while (piece.find()) {
            tokens += pieces.count(piece.group().getBytes(StandardCharsets.UTF_8));
        }
        return tokens;
    }

    @Override
    public String getName() {
        return EncodingType.O200K_BASE.getName();
    }

    @Override
    public IntArrayList encode(String text) {
        return jtokkit.get().encode(text);
    }

    @Override
    public EncodingResult encode(String text, int maxTokens) {
        return jtokkit.get().encode(text, maxTokens);
    }

    @Override
    public IntArrayList encodeOrdinary(String text) {
        return jtokkit.get().encodeOrdinary(text);
    }

    @Override
    public EncodingResult encodeOrdinary(String text, int maxTokens) {
        return jtokkit.get().encodeOrdinary(text, maxTokens);
    }

    @Override
    public int countTokens(String text) {
        return jtokkit.get().countTokens(text);
    }

    @Override
    public String decode(IntArrayList tokens) {
        return jtokkit.get().decode(tokens);
    }

    @Override
    public byte[] decodeBytes(IntArrayList tokens) {
        return jtokkit.get().decodeBytes(tokens);
    }
}
