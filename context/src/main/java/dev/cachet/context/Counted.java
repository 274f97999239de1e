package dev.cachet.context;

import java.util.Locale;

/** A count with its noun, for every line cachet prints: "1 turn", "2 turns", "3 strategies", "1,234 matches". */
public final class Counted {
    private Counted() {}

    /** @param noun the singular, which takes the regular English plural: s, es after s/x/ch/sh, ies after a consonant */
    public static String of(long count, String noun) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? noun : plural(noun));
    }

    private static String plural(String noun) {
        if (noun.matches(".*(s|x|ch|sh)")) {
            return noun + "es";
        }
        if (noun.matches(".*[^aeiou]y")) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }
}
