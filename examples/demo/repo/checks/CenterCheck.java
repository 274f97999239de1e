/** Checks TextWrap.center: run with assertions enabled; a failure exits non-zero. */
public final class CenterCheck {
    public static void main(String[] args) {
        check("pads both sides", TextWrap.center("ab", 6), "  ab  ");
        check("odd padding goes to the right", TextWrap.center("ab", 5), " ab  ");
        check("a line as wide as the width is unchanged", TextWrap.center("abc", 3), "abc");
        check("a longer line is unchanged", TextWrap.center("abcdef", 3), "abcdef");
        System.out.println("center: all checks passed");
    }

    private static void check(String name, String actual, String expected) {
        if (!actual.equals(expected)) {
            throw new AssertionError(name + ": expected '" + expected + "' but got '" + actual + "'");
        }
    }
}
