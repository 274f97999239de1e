package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A parser that fails on a name repeated in one object, as Jackson's strict duplicate detection does, at less cost:
 * Jackson makes a hash set for every object of three names or more, which for a log's many small objects was some 8%
 * of summarising it. Here the names of the open objects share one array, searched only for a name whose hash bit the
 * object has already seen, by identity first (a parser that canonicalizes names, as Jackson's do by default, hands
 * out one instance per name) and then by value; an object of more than {@link #LISTED} names moves to a set, so that
 * none costs the square of its size.
 */
final class DuplicateFields extends JsonParserDelegate {
    private static final int LISTED = 16;

    /** The names of every open object, innermost last. */
    private String[] names = new String[16];
    private int count;
    /**
     * Per open object, outermost first: where its names start in {@link #names}, a bit per name's hash (a name whose
     * bit is clear is new, and is not searched for), and its set once it has one.
     */
    private int[] starts = new int[4];
    private long[] hashBits = new long[4];
    private Set<?>[] sets = new Set<?>[4];
    private int depth;

    /** @param parser a parser without duplicate detection of its own, before its first token */
    DuplicateFields(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        if (t == JsonToken.FIELD_NAME) {
            add(delegate.currentName());
        } else if (t == JsonToken.START_OBJECT) {
            enter();
        } else if (t == JsonToken.END_OBJECT) {
            leave();
        }
        return t;
    }

    /** The delegate's own would read past names without this class seeing them. */
    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    /**
     * The delegate's own would read past names without this class seeing them. The parser fails at the end of its
     * input within a value, so the skip meets the value's end.
     */
    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken t = currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (open > 0) {
            JsonToken next = nextToken();
            if (next.isStructStart()) {
                open++;
            } else if (next.isStructEnd()) {
                open--;
            }
        }
        return this;
    }

    private void enter() {
        if (depth == starts.length) {
            starts = Arrays.copyOf(starts, depth * 2);
            hashBits = Arrays.copyOf(hashBits, depth * 2);
            sets = Arrays.copyOf(sets, depth * 2);
        }
        hashBits[depth] = 0;
        starts[depth++] = count;
    }

    private void leave() {
        depth--;
        count = starts[depth];
        sets[depth] = null;
    }

    @SuppressWarnings("unchecked")
    private void add(String name) throws JsonParseException {
        int object = depth - 1;
        Set<String> set = (Set<String>) sets[object];
        if (set != null) {
            if (!set.add(name)) {
                throw duplicate(name);
            }
            return;
        }
        int start = starts[object];
        int hash = name.hashCode(); // kept in the string: a name's is computed once
        long bit = 1L << hash;
        if ((hashBits[object] & bit) != 0) {
            for (int i = start; i < count; i++) {
                String seen = names[i];
                if (seen == name || seen.hashCode() == hash && seen.equals(name)) {
                    throw duplicate(name);
                }
            }
        }
        hashBits[object] |= bit;
        if (count - start == LISTED) {
            set = new HashSet<>(Arrays.asList(names).subList(start, count));
            set.add(name);
            sets[object] = set;
            return;
        }
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
        }
        names[count++] = name;
    }

    private JsonParseException duplicate(String name) {
        return new JsonParseException(this, "Duplicate field '" + name + "'");
    }
}
