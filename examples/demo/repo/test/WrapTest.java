import java.util.List;

/** Plain-Java tests: run with assertions enabled; a failure exits non-zero. */
public final class WrapTest {
    public static void main(String[] args) {
        check("short text stays on one line", TextWrap.wrap("hello world", 20), List.of("hello world"));
        check("a line may be exactly the width", TextWrap.wrap("the quick brown fox", 9), List.of("the quick", "brown fox"));
        check("long words get a line of their own", TextWrap.wrap("a extraordinary b", 5), List.of("a", "extraordinary", "b"));
        check("runs of spaces count as one break", TextWrap.wrap("  one   two  ", 7), List.of("one two"));
        check("empty text has no lines", TextWrap.wrap("", 10), List.of());
        System.out.println("all tests passed");
    }

    private static void check(String name, List<String> actual, List<String> expected) {
        if (!actual.equals(expected)) {
            throw new AssertionError(name + ": expected " + expected + " but got " + actual);
        }
        System.out.println("ok: " + name);
    }
}
