package org.dsarules.round.documents;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Objects;
import org.dsarules.round.SystemAudit;

/**
 * The LMC's letter to the ICB for the whole system, in the LMC's own words: the practices it writes for; one
 * heading per programme (grouped by programme key, aliases resolved, record-format.md v1.2), each question about
 * the programme asked once under it (a question whose answer may differ between practices names the practices'
 * agreements it is asked for); the LMC's advice per programme; the programmes whose outcomes differ between
 * practices, with the facts that differ. Once the ICB has replied (its answers applied to the registers, where
 * their history keeps them with the ICB's comments), the letter first acknowledges what the reply settled,
 * programme by programme, then asks only what is still open, and passes on what the ICB declined to assess: the
 * practices, as controllers, ask the ICB that commissions or hosts the agreement to obtain the answers, and a
 * question only the named controller can answer is to be passed to it by name (as {@link FollowUpLetter} does for
 * one practice). Records in error are named by reference only, at the end (a validation message is the
 * practices' own business). Markdown or plain text, rendered by the precompiled jte
 * template {@code plain/system/letter.jte} from {@link SystemLetterView}; square-bracketed placeholders for the LMC
 * to fill in.
 * Deterministic: no clock is read.
 */
public final class SystemLetter {
    /** The precompiled plain templates (src/main/jte/plain), generated into the documents' package. */
    private static final TemplateEngine PLAIN = TemplateEngine.createPrecompiled(null, ContentType.Plain,
            SystemLetter.class.getClassLoader(), "org.dsarules.documents");

    private SystemLetter() {
    }

    /**
     * The letter in Markdown. Its programmes are those of {@code system}, grouped there by programme key with the
     * aliases it was built with ({@link SystemAudit#of(List, org.dsarules.catalogue.ProgrammeAliases)}: a command's
     * {@code --aliases} file with the shipped ones), so the letter's headings and the questionnaire's programme rows
     * meet the same programmes.
     */
    public static String markdown(SystemAudit system) {
        return write(system, Prose.Form.MARKDOWN);
    }

    /** The letter as plain text; see {@link #markdown(SystemAudit)}. */
    public static String text(SystemAudit system) {
        return write(system, Prose.Form.TEXT);
    }

    private static String write(SystemAudit system, Prose.Form form) {
        Objects.requireNonNull(system, "system");
        StringOutput out = new StringOutput(8 * 1024);
        try {
            PLAIN.render("system/letter.jte", new SystemLetterView(system, form), out);
        } catch (TemplateException e) {
            throw new IllegalStateException("system letter template failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
