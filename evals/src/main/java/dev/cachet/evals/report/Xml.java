package dev.cachet.evals.report;

/** Text made safe for XML and HTML, in content and in quoted attributes alike. */
final class Xml {
    private Xml() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                // Control characters cannot appear in XML 1.0 at all, not even as references: file names can hold them.
                default -> out.appendCodePoint(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? 0xFFFD : c);
            }
        });
        return out.toString();
    }
}
