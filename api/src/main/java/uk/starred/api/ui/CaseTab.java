package uk.starred.api.ui;

import java.io.IOException;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A tab on one of the host's screens, registered as a whiteboard service with the properties
 * {@value #SCREEN}, {@value #KEY} and {@value #LABEL} (write them with {@link CaseTabEntry}) and
 * ordered by {@code service.ranking}: the host shows the highest ranking first, then by key.
 *
 * <p>The host, for each page it draws:
 * <ol>
 * <li>asks every tab of the screen whether it {@linkplain #isVisible is visible} to the viewer, and
 * lists the visible ones;</li>
 * <li>on a POST to its page that names a tab (form field {@value #TAB_PARAMETER}), checks its own
 * CSRF token, then hands the form to that tab's {@link #act}, and answers with a redirect back to
 * the page (the parameters the outcome names and its message shown once) or, when refused, with the
 * page re-drawn, the message shown and the outcome's HTTP status;</li>
 * <li>calls {@link #render} of the selected tab (query parameter {@value #TAB_PARAMETER}, the first
 * visible tab by default) and places the fragment in its page.</li>
 * </ol>
 * The host names the signed-in person through its {@link uk.starred.api.host.CallerContext} for the
 * whole request, so a tab acts for them through Starred's services, which check their roles.
 */
@ConsumerType
public interface CaseTab {

    /** Service property: the screen the tab belongs on, one of {@link CaseScreens}. */
    String SCREEN = "starred.ui.screen";

    /** Service property: the tab's key, unique on its screen, used in URLs. */
    String KEY = "starred.ui.key";

    /** Service property: the label on the tab, in plain words. */
    String LABEL = "starred.ui.label";

    /** The query parameter and form field naming the selected tab. */
    String TAB_PARAMETER = "tab";

    /** @return whether the viewer may see this tab for this child (or on this screen) */
    boolean isVisible(CaseView view);

    /**
     * Writes the tab's content: an HTML fragment (no {@code <html>} or {@code <body>}), every value
     * escaped, no inline script or style. Forms post to {@link CaseView#pageUrl()} and carry
     * {@link CaseView#csrfField()} and a hidden {@value #TAB_PARAMETER} field with the tab's key.
     */
    void render(CaseView view, Appendable out) throws IOException;

    /**
     * Handles a form this tab rendered. The host has checked its CSRF token already.
     *
     * @param view the page, with the form's fields as {@link CaseView#parameters()}
     * @return what happened: done, with a message for the viewer and the parameters of the page to
     *         return to; or refused, with a message naming what is wrong and an HTTP status
     */
    TabOutcome act(CaseView view);

    /** @return stylesheets the host should link on a page showing this tab, as URLs on the same host */
    default List<String> stylesheets() {
        return List.of();
    }
}
