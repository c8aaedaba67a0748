package uk.starred.ui.tab;

import java.io.IOException;

import uk.starred.api.ui.CaseView;
import uk.starred.api.ui.Html;

/**
 * Writes HTML: {@link #t} escapes what it is given, {@link #raw} is for markup written here. Values
 * from the record or the request only ever go through {@link #t} or {@link #attr}.
 */
public final class Out {

    private final Appendable out;
    private int ids;
    /** The fields of the form just refused, while writing that form again, so the person sees what they entered. */
    private java.util.Map<String, java.util.List<String>> refill;
    private final java.util.Map<String, Integer> refilled = new java.util.HashMap<>();

    public Out(Appendable out) {
        this.out = out;
    }

    public Out raw(String markup) throws IOException {
        out.append(markup);
        return this;
    }

    public Out t(Object text) throws IOException {
        out.append(Html.escape(text));
        return this;
    }

    /** Writes {@code name="value"} with the value escaped, preceded by a space. */
    public Out attr(String name, Object value) throws IOException {
        out.append(' ').append(name).append("=\"").append(Html.escape(value)).append('"');
        return this;
    }

    /** @return an id unique within this page */
    public String id(String prefix) {
        return prefix + "-" + (++ids);
    }

    /** Opens a form posting to the page for the tab, with the CSRF field and the command's name. */
    public Out form(CaseView view, String tabKey, String op, String cssClass) throws IOException {
        refill = op.equals(view.parameter("op")) ? view.parameters() : null;
        refilled.clear();
        raw("<form method=\"post\"").attr("action", view.pageUrl()).attr("class", "starred-form " + cssClass)
                .raw(" novalidate>").raw(view.csrfField());
        hidden("tab", tabKey).hidden("op", op);
        return this;
    }

    public Out hidden(String name, Object value) throws IOException {
        if (refill != null && !name.equals("tab") && !name.equals("op") && refill.containsKey(name)
                && !refill.get(name).contains(String.valueOf(value))) {
            refill = null; // the same command on another concern or item: not the form refused
        }
        return raw("<input type=\"hidden\"").attr("name", name).attr("value", value).raw(">");
    }

    /** @return what the refused form held for the field, in order of the fields of that name; else the value given */
    private String entered(String name, String value) {
        if (refill == null || !refill.containsKey(name)) {
            return value;
        }
        int i = refilled.merge(name, 1, Integer::sum) - 1;
        java.util.List<String> values = refill.get(name);
        return i < values.size() ? values.get(i) : value;
    }

    /** A labelled single-line text field. */
    public Out text(String name, String label, String hint, String value, boolean required) throws IOException {
        value = entered(name, value);
        String id = id(name);
        raw("<div class=\"starred-field\"><label class=\"starred-label\"").attr("for", id).raw(">").t(label)
                .raw(required ? "" : " <span class=\"starred-optional\">(optional)</span>").raw("</label>");
        String hintId = hint(id, hint);
        raw("<input class=\"starred-input\" type=\"text\"").attr("id", id).attr("name", name).attr("value", value);
        describedBy(hintId);
        return raw(required ? " required aria-required=\"true\">" : ">").raw("</div>");
    }

    /** A labelled text area. */
    public Out area(String name, String label, String hint, String value, boolean required) throws IOException {
        value = entered(name, value);
        String id = id(name);
        raw("<div class=\"starred-field\"><label class=\"starred-label\"").attr("for", id).raw(">").t(label)
                .raw(required ? "" : " <span class=\"starred-optional\">(optional)</span>").raw("</label>");
        String hintId = hint(id, hint);
        raw("<textarea class=\"starred-textarea\" rows=\"3\"").attr("id", id).attr("name", name);
        describedBy(hintId);
        return raw(required ? " required aria-required=\"true\">" : ">").t(value).raw("</textarea></div>");
    }

    /** A labelled date field, required. */
    public Out date(String name, String label, String hint, String value) throws IOException {
        return date(name, label, hint, value, true);
    }

    /** A labelled date field. */
    public Out date(String name, String label, String hint, String value, boolean required) throws IOException {
        return when("date", name, label, hint, value, required);
    }

    /** A labelled date and time field, in London time. */
    public Out dateTime(String name, String label, String hint, String value, boolean required) throws IOException {
        return when("datetime-local", name, label, hint, value, required);
    }

    private Out when(String type, String name, String label, String hint, String value, boolean required)
            throws IOException {
        value = entered(name, value);
        String id = id(name);
        raw("<div class=\"starred-field\"><label class=\"starred-label\"").attr("for", id).raw(">").t(label)
                .raw("</label>");
        String hintId = hint(id, hint);
        raw("<input class=\"starred-input starred-input-date\"").attr("type", type).attr("id", id).attr("name", name)
                .attr("value", value);
        describedBy(hintId);
        return raw(required ? " required aria-required=\"true\"></div>" : "></div>");
    }

    /** A labelled drop-down; {@code options} are value, words pairs. */
    public Out select(String name, String label, String hint, String selected, String... options) throws IOException {
        selected = entered(name, selected);
        String id = id(name);
        raw("<div class=\"starred-field\"><label class=\"starred-label\"").attr("for", id).raw(">").t(label)
                .raw("</label>");
        String hintId = hint(id, hint);
        raw("<select class=\"starred-select\"").attr("id", id).attr("name", name);
        describedBy(hintId);
        raw(">");
        for (int i = 0; i + 1 < options.length; i += 2) {
            raw("<option").attr("value", options[i]).raw(options[i].equals(selected) ? " selected>" : ">")
                    .t(options[i + 1]).raw("</option>");
        }
        return raw("</select></div>");
    }

    /** A group of radios or checkboxes in a fieldset with a legend; {@code options} are value, words pairs. */
    public Out choices(String type, String name, String legend, String selected, String... options)
            throws IOException {
        java.util.Collection<String> chosen = refill != null && refill.containsKey(name) ? refill.get(name)
                : java.util.List.of(selected == null ? "" : selected);
        raw("<fieldset class=\"starred-fieldset\"><legend class=\"starred-legend\">").t(legend).raw("</legend>");
        for (int i = 0; i + 1 < options.length; i += 2) {
            String id = id(name);
            raw("<div class=\"starred-choice\"><input").attr("type", type).attr("id", id).attr("name", name)
                    .attr("value", options[i]).raw(chosen.contains(options[i]) ? " checked>" : ">")
                    .raw("<label").attr("for", id).raw(">").t(options[i + 1]).raw("</label></div>");
        }
        return raw("</fieldset>");
    }

    public Out button(String words, boolean secondary) throws IOException {
        return raw("<button type=\"submit\"").attr("class", secondary ? "starred-button starred-button-secondary"
                : "starred-button").raw(">").t(words).raw("</button>");
    }

    /** Writes a RAG tag: the words, and the colour as a class, never the colour alone. */
    public Out tag(String words, String colour) throws IOException {
        return raw("<strong").attr("class", "starred-tag starred-tag-" + colour).raw(">").t(words).raw("</strong>");
    }

    private String hint(String id, String hint) throws IOException {
        if (hint == null) {
            return null;
        }
        String hintId = id + "-hint";
        raw("<div class=\"starred-hint\"").attr("id", hintId).raw(">").t(hint).raw("</div>");
        return hintId;
    }

    private void describedBy(String hintId) throws IOException {
        if (hintId != null) {
            attr("aria-describedby", hintId);
        }
    }
}
