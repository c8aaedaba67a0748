/**
 * The host's UI extension points, as whiteboard services: how Starred (and any other bundle) adds a
 * tab to the host's case screens and shows alerts in the host's alert area, without the host
 * knowing it in advance. This is the shape of Liferay's screen navigation entries and Felix Web
 * Console plugins: a contributor registers one annotated Declarative Services component; the host
 * tracks every such service and draws it.
 *
 * <ul>
 * <li>{@link uk.starred.api.ui.CaseTab}: a tab on one of the host's screens (the child's case
 * screen, or the service's oversight screen), annotated with {@link uk.starred.api.ui.CaseTabEntry}.
 * A tab renders an HTML fragment and handles the forms it renders.</li>
 * <li>{@link uk.starred.api.ui.AlertSource}: where a child's alerts come from.</li>
 * <li>{@link uk.starred.api.ui.AlertType}: how one kind of alert is labelled, ranked and linked,
 * annotated with {@link uk.starred.api.ui.AlertTypeEntry}.</li>
 * </ul>
 *
 * <p><b>Order.</b> Tabs and alert types are ordered by {@code service.ranking}, the highest ranking
 * first, and by key where rankings are equal. Declarative Services hands a multiple reference's
 * services in ascending ranking; a host that keeps that order must reverse it.
 *
 * <p><b>Why HTML fragments.</b> A tab renders server-side HTML into the host's page, and its forms
 * post back to the host's own page URL. Any host front end can place a fragment of HTML; the host
 * keeps its own sign-in, session and CSRF protection; the pages work without script, so the
 * Content-Security-Policy can forbid inline script; and escaping happens in one place. Hosts that
 * prefer to draw their own screens use the JSON REST API instead, which offers the same commands.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package uk.starred.api.ui;
