package uk.starred.referencehost.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.StoreUnavailableException;
import uk.starred.api.ui.AlertLink;
import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertSource;
import uk.starred.api.ui.CaseAlert;
import uk.starred.api.ui.CaseScreens;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseView;
import uk.starred.api.ui.Html;
import uk.starred.referencehost.session.Session;

/** The host's alert area on every case screen of a child: every registered source's alerts, drawn by their types. */
final class AlertArea {

    private static final Logger LOG = LoggerFactory.getLogger(AlertArea.class);

    private final Extensions extensions;

    AlertArea(Extensions extensions) {
        this.extensions = extensions;
    }

    /** How many alerts the area shows open: the rest are behind "Show more", so the tabs stay in view. */
    static final int ALERTS_SHOWN = 3;

    /**
     * The alert area shown on every case screen of the child, compact so that the tabs stay in view: a line of
     * counts, the alerts the viewer must act on and then the most urgent, one short line each, and the rest
     * behind "Show more" (a disclosure the browser opens, no script).
     */
    String render(String staff, String childId) throws Exception {
        List<CaseAlert> alerts = new ArrayList<>(Session.runAs(staff, () -> alerts(staff, childId)));
        alerts.sort(java.util.Comparator.comparing((CaseAlert a) -> !a.viewerMustAct()).thenComparing(a -> severity(a)));
        StringBuilder out = new StringBuilder("<section class=\"alerts\" aria-labelledby=\"alerts-heading\">"
                + "<h2 class=\"heading-s alerts-heading\" id=\"alerts-heading\">Alerts");
        if (alerts.isEmpty()) {
            return out.append("</h2><p class=\"body\">No alerts on this child's record.</p></section>").toString();
        }
        Map<AlertSeverity, Long> counts = new java.util.EnumMap<>(AlertSeverity.class);
        alerts.forEach(a -> counts.merge(severity(a), 1L, Long::sum));
        long mine = alerts.stream().filter(CaseAlert::viewerMustAct).count();
        List<String> said = new ArrayList<>();
        counts.forEach((severity, n) -> said.add(n + " " + words(severity).toLowerCase(java.util.Locale.UK)));
        if (mine > 0) {
            said.add(mine + " for you to act on");
        }
        out.append(" <span class=\"alerts-counts\">").append(Html.escape(String.join(", ", said)))
                .append("</span></h2><ul class=\"alert-list\">");
        for (int i = 0; i < alerts.size(); i++) {
            if (i == ALERTS_SHOWN) {
                int more = alerts.size() - ALERTS_SHOWN;
                out.append("</ul><details class=\"alert-more\"><summary>Show ").append(more)
                        .append(more == 1 ? " more alert" : " more alerts").append("</summary><ul class=\"alert-list\">");
            }
            alert(out, staff, childId, alerts.get(i));
        }
        out.append("</ul>");
        if (alerts.size() > ALERTS_SHOWN) {
            out.append("</details>");
        }
        return out.append("</section>").toString();
    }

    private static String words(AlertSeverity severity) {
        return switch (severity) {
            case URGENT -> "Urgent";
            case WARNING -> "Warning";
            case INFORMATION -> "In hand";
        };
    }

    /** One alert on one line: its severity, type and title, what it says, whether the viewer must act, and a link. */
    private void alert(StringBuilder out, String staff, String childId, CaseAlert alert) {
        Optional<Extensions.Type> type = extensions.type(alert.type());
        AlertSeverity severity = severity(alert);
        String colour = switch (severity) {
            case URGENT -> "red";
            case WARNING -> "amber";
            case INFORMATION -> "blue";
        };
        out.append("<li class=\"alert alert-").append(colour).append("\">")
                .append(Layout.icon(type.map(Extensions.Type::icon).orElse("")))
                .append("<div class=\"alert-body\"><p class=\"alert-title\"><strong class=\"tag tag-").append(colour)
                .append("\">").append(words(severity)).append("</strong> ")
                .append(Html.escape(type.map(Extensions.Type::label).orElse(alert.type()))).append(": ")
                .append(Html.escape(alert.title()));
        if (alert.viewerMustAct()) {
            out.append(" <strong>You are asked to act.</strong>");
        }
        out.append(" <span class=\"alert-detail\">").append(Html.escape(alert.detail())).append("</span>");
        if (type.isPresent()) {
            AlertLink link = type.get().type().linkFor(alert);
            String href = (CaseScreens.OVERSIGHT.equals(link.screen()) ? "/host/oversight" : HostPages.childUrl(childId));
            Map<String, String> q = new LinkedHashMap<>();
            q.put(CaseTab.TAB_PARAMETER, link.tabKey());
            q.putAll(link.query());
            CaseView target = new CaseView(link.screen(), staff, childId, Map.of(), href, "", "", HostPages.CHILD_URL);
            out.append(" <a class=\"link\" href=\"").append(Html.escape(target.link(q)
                    + (link.anchor() == null ? "" : "#" + link.anchor()))).append("\">View<span class=\"visually-hidden\"> ")
                    .append(Html.escape(alert.title())).append("</span></a>");
        }
        out.append("</p></div></li>");
    }

    /** @return every source's alerts for the child, as the person may see them */
    List<CaseAlert> alerts(String staff, String childId) {
        List<CaseAlert> out = new ArrayList<>();
        for (AlertSource source : extensions.sources()) {
            try {
                out.addAll(source.alertsFor(staff, childId));
            } catch (StoreUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("An alert source failed: {}", e.getClass().getName());
            }
        }
        return out;
    }

    /** @return the alert's own severity, else its type's */
    AlertSeverity severity(CaseAlert alert) {
        return alert.severity() != null ? alert.severity()
                : extensions.type(alert.type()).map(Extensions.Type::severity).orElse(AlertSeverity.INFORMATION);
    }
}
