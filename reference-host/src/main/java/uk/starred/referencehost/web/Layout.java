package uk.starred.referencehost.web;

import java.util.List;

import uk.starred.api.ui.Html;

/** The host's page chrome: header, phase banner, navigation, one main region, in the GOV.UK pattern. */
final class Layout {

    static final String SERVICE = "Children's case records";

    private Layout() {
    }

    /**
     * @param title       the page's own title, first in the window title
     * @param signedIn    the person's name, or {@code null} on the sign-in page
     * @param current     the navigation item of this page: children, oversight or none
     * @param oversight   whether to offer the oversight screen
     * @param csrf        the session's CSRF token for the sign-out form
     * @param stylesheets further stylesheets the page's tabs ask for
     */
    static String page(String title, String signedIn, String current, boolean oversight, String csrf,
            List<String> stylesheets, String main) {
        StringBuilder out = new StringBuilder(main.length() + 4096);
        out.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title)).append(" - ").append(SERVICE).append(" (demo)</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/host/static/host.css\">\n");
        for (String sheet : stylesheets) {
            out.append("<link rel=\"stylesheet\" href=\"").append(Html.escape(sheet)).append("\">\n");
        }
        out.append("</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n")
                .append("<header class=\"header\"><div class=\"width\"><a class=\"header-service\" href=\"/host/children\">")
                .append(SERVICE).append("</a>");
        if (signedIn != null) {
            out.append("<div class=\"header-account\"><span>Signed in as ").append(Html.escape(signedIn))
                    .append("</span><form method=\"post\" action=\"/host/logout\">")
                    .append("<input type=\"hidden\" name=\"").append(SignedIn.CSRF_FIELD).append("\" value=\"")
                    .append(Html.escape(csrf)).append("\"><button class=\"header-button\" type=\"submit\">Sign out</button>")
                    .append("</form></div>");
        }
        out.append("</div></header>\n<div class=\"width\"><p class=\"phase\"><strong class=\"phase-tag\">Demo</strong>")
                .append(" A reference host with made-up children and staff, showing Starred in a case-management system.</p>");
        if (signedIn != null) {
            out.append("<nav class=\"service-nav\" aria-label=\"Service\"><ul>");
            nav(out, "/host/children", "Children", "children".equals(current));
            if (oversight) {
                nav(out, "/host/oversight", "Oversight", "oversight".equals(current));
            }
            out.append("</ul></nav>");
        }
        out.append("<main id=\"main\" class=\"main\" tabindex=\"-1\">\n").append(main).append("\n</main></div>\n")
                .append("<footer class=\"footer\"><div class=\"width\"><p>Reference host for Starred. Every name in it"
                        + " is invented.</p></div></footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void nav(StringBuilder out, String href, String words, boolean current) {
        out.append("<li><a href=\"").append(href).append('"').append(current ? " aria-current=\"page\"" : "")
                .append('>').append(words).append("</a></li>");
    }

    /** A notification banner: success with role status, a problem with role alert. */
    static String banner(String message, boolean problem) {
        if (message == null) {
            return "";
        }
        return problem
                ? "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2 class=\"error-summary-title\">There is a"
                        + " problem</h2><p>" + Html.escape(message) + "</p></div>"
                : "<div class=\"banner-success\" role=\"status\"><h2 class=\"banner-title\">Done</h2><p>"
                        + Html.escape(message) + "</p></div>";
    }

    /** An icon for an alert type's icon name, drawn for sighted users only: the words beside it say the same. */
    static String icon(String name) {
        String path = switch (name) {
            case "star" -> "M12 2l3 7h7l-5.5 4.5L18.5 21 12 16.5 5.5 21l2-7.5L2 9h7z";
            case "flag" -> "M5 2h2v20H5zM8 3h11l-3 4 3 4H8z";
            case "clock" -> "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 5v5.6l4 2.4-1 1.7-5-3V7z";
            case "warning" -> "M12 2L1 21h22zm-1 7h2v6h-2zm0 8h2v2h-2z";
            case "scales" -> "M11 3h2v2h6l3 7a4 4 0 0 1-8 0l2.6-6H13v13h4v2H7v-2h4V6H8.4L11 12a4 4 0 0 1-8 0l3-7h5z";
            case "calendar" -> "M6 2h2v2h8V2h2v2h3v18H3V4h3zm-1 7v11h14V9z";
            case "check" -> "M9 16.2L4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z";
            default -> "M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z";
        };
        return "<svg class=\"alert-icon\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" aria-hidden=\"true\""
                + " focusable=\"false\"><path d=\"" + path + "\"></path></svg>";
    }
}
