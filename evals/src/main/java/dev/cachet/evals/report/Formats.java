package dev.cachet.evals.report;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How every report prints its figures, whatever the format; Locale.ROOT so that reports read the same anywhere. */
final class Formats {
    /** What a model name can lose, in turn: its provider prefix, then its snapshot date. */
    private static final List<Pattern> MODEL_NAME_CUTS = List.of(Pattern.compile("^.*[/:]"),
            Pattern.compile("-(\\d{8}|\\d{4}-\\d{2}-\\d{2})$"), Pattern.compile("^claude-"));

    private Formats() {}

    /** Four decimals: a single short turn costs fractions of a cent. */
    static String usd(double amount) {
        return String.format(Locale.ROOT, "$%.4f", amount);
    }

    /** A share from 0 to 1 as a percentage. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A signed relative error such as {@code +2.3%}: which way the replay is off matters as much as how far. */
    static String signedPercent(double error) {
        return unsignedZero(String.format(Locale.ROOT, "%+.1f%%", error * 100));
    }

    /** A signed difference of two shares, in percentage points such as {@code -1.8 pt}. */
    static String points(double difference) {
        return unsignedZero(String.format(Locale.ROOT, "%+.1f pt", difference * 100));
    }

    /** An error too small to show is +0.0, not -0.0. */
    private static String unsignedZero(String signed) {
        return signed.startsWith("-0.0") && !Character.isDigit(signed.charAt(4)) ? "+" + signed.substring(1) : signed;
    }

    /** A multiple such as {@code 0.42×}; "n/a" when there was nothing to compare with. */
    static String ratio(Double ratio) {
        return ratio == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** Thousands grouped, since token counts run to millions. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Short token counts for narrow tables: {@code 950}, {@code 84.2K}, {@code 14.8M}, {@code 1.2B}. */
    static String tokens(long count) {
        if (count < 1_000) {
            return String.valueOf(count);
        }
        double value = count;
        String units = "KMB";
        int unit = -1;
        while (value >= 999.95 && unit < units.length() - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f%c", value, units.charAt(unit));
    }

    /** One decimal, for means of things that come in units, such as turns. */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Milliseconds as seconds with one decimal. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** At most {@code width} characters; a longer name keeps its end, which tells sessions and models apart. */
    static String keepEnd(String name, int width) {
        return name.length() <= width ? name : "..." + name.substring(name.length() - width + 3);
    }

    /**
     * A model name in {@code width} characters, its family and version kept: what tells models apart in a table.
     * Too long, it loses its provider prefix ("anthropic/"), then its snapshot date ("-20250929"), then Claude's name
     * ("claude-", before the family: "opus-4-6-fast"), then its middle.
     */
    static String modelName(String name, int width) {
        String shorter = name;
        for (Pattern cut : MODEL_NAME_CUTS) {
            if (shorter.length() <= width) {
                return shorter;
            }
            shorter = cut.matcher(shorter).replaceFirst("");
        }
        if (shorter.length() <= width) {
            return shorter;
        }
        int head = (width - 3) / 2;
        return shorter.substring(0, head) + "..." + shorter.substring(shorter.length() - (width - 3 - head));
    }
}
