package org.dsarules.round.documents;

import java.util.List;
import java.util.Locale;
import org.dsarules.text.Sanitiser;

/**
 * Writes a letter as Markdown or as plain text from one sequence of calls, escaping register text
 * for its form through {@link Sanitiser}: in Markdown a character is escaped where Markdown would read it as
 * syntax (so a letter pastes cleanly: no needless {@code \&} or {@code \[}), and bare URLs are not links,
 * so a title such as {@code *urgent*} or {@code <script>} shows as typed; in both
 * forms control characters (C1 included) cannot add lines to the letter or drive a terminal.
 */
final class Prose {
    /** The forms a letter can take. */
    enum Form { MARKDOWN, TEXT }

    private final Form form;
    private final StringBuilder out = new StringBuilder(4096);

    Prose(Form form) {
        this.form = form;
    }

    /** Register text, escaped for this form by the one sanitiser the documents share. */
    String v(String s) {
        return form == Form.TEXT ? Sanitiser.line(s) : Sanitiser.markdown(s);
    }

    Prose title(String text) {
        out.append(form == Form.MARKDOWN ? "# " + text : text.toUpperCase(Locale.ROOT)).append("\n\n");
        return this;
    }

    Prose heading(String text) {
        out.append(form == Form.MARKDOWN ? "## " + text : text.toUpperCase(Locale.ROOT)).append("\n\n");
        return this;
    }

    Prose subheading(String text) {
        out.append(form == Form.MARKDOWN ? "### " + text : text).append("\n\n");
        return this;
    }

    Prose para(String text) {
        out.append(text).append("\n\n");
        return this;
    }

    /** Lines kept together (an address): hard line breaks in Markdown. */
    Prose lines(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i)).append(form == Form.MARKDOWN && i < lines.size() - 1 ? "\\\n" : "\n");
        }
        out.append('\n');
        return this;
    }

    Prose bullets(List<String> items) {
        for (String i : items) {
            out.append("- ").append(i).append('\n');
        }
        out.append('\n');
        return this;
    }

    String bold(String s) {
        return form == Form.MARKDOWN ? "**" + s + "**" : s;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
