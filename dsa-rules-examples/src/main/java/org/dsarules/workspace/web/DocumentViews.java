package org.dsarules.workspace.web;

import java.util.List;
import org.dsarules.documents.WhatIf;
import org.dsarules.workspace.Campaign;

/** What the documents pages' templates are given: values only, every one escaped by the template engine. */
public final class DocumentViews {
    private DocumentViews() {
    }

    /** A document on the documents page, with how many agreements it is about. */
    public record Item(Campaign.Kind kind, int agreements) {
    }

    public record Index(Views.Page page, List<Item> items, List<Campaign.Sent> sent, List<String> due, boolean followUpDue) {
    }

    /** One document: its text, the marks of it as sent, and what the last mark said (nulls when nothing). */
    public record DocumentPage(Views.Page page, Campaign.Document document, List<Campaign.Sent> sent, String today,
            String error, int madeVersion, boolean justSent) {
    }

    public record SentPage(Views.Page page, Campaign.Sent sent, String text) {
    }

    public record AnswersPage(Views.Page page, Campaign.AnswerReport report, String error, String today, int version) {
    }

    /** What would settle an agreement; {@code fragment}: only the section, for htmx to put on the agreement page. */
    public record SettlePage(Views.Page page, String dsaId, WhatIf whatIf, boolean fragment) {
    }

    /** A value as the questionnaire writes it, or "(not known)". */
    public static String value(String v) {
        return v == null || v.isBlank() ? "(not known)" : v;
    }
}
