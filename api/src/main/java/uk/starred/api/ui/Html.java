package uk.starred.api.ui;

/** Escaping for the HTML a tab or host writes. */
public final class Html {

    private Html() {
    }

    /**
     * @return the text with {@code & < > " '} replaced by character references, safe in element
     *         content and in quoted attribute values; {@code ""} for {@code null}
     */
    public static String escape(Object text) {
        if (text == null) {
            return "";
        }
        String s = text.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
