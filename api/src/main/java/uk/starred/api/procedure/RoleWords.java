package uk.starred.api.procedure;

import java.util.Locale;

/** How a procedure's role codes are said to people: {@code HEAD_OF_SERVICE} as "Head of Service". */
public final class RoleWords {

    private RoleWords() {
    }

    /**
     * @return the role in words: {@code IRO} as "IRO", {@code CPC} as "Child Protection Chair",
     *         {@code IRO_MANAGER} as "IRO Manager", {@code HEAD_OF_SERVICE_SAFEGUARDING_QA} as
     *         "Head of Service Safeguarding QA"
     */
    public static String of(String role) {
        if (role.equals("CPC")) {
            return "Child Protection Chair";
        }
        StringBuilder out = new StringBuilder();
        for (String word : role.toLowerCase(Locale.ROOT).split("_")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean small = word.equals("of") || word.equals("and") || word.equals("the");
            out.append(small ? word : word.equals("iro") || word.equals("qa") ? word.toUpperCase(Locale.ROOT)
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
