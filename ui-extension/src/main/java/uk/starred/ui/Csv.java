package uk.starred.ui;

import java.util.List;

/** Comma-separated values as RFC 4180 writes them, safe to open in a spreadsheet. */
public final class Csv {

    private final StringBuilder out = new StringBuilder();

    public Csv row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    /**
     * Quotes a cell when it holds a comma, quote or line break, and neutralises a leading {@code = + - @}
     * so that a spreadsheet never runs text from the record as a formula.
     */
    public static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !isNumber(s)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
