package org.dsarules.workspace.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.decision.Decision;
import org.dsarules.documents.WhatIf;
import org.dsarules.workspace.Campaign;
import org.dsarules.workspace.Registers;
import org.dsarules.workspace.Workspace;
import org.dsarules.workspace.WorkspaceException;

/**
 * The documents pages: each document of the campaign to view, print and download, written by the command
 * line's own code ({@link Campaign}); marking one as sent on a date; importing the ICB's answered
 * questionnaire; and what would settle an agreement, shown on its page.
 */
final class DocumentPages {
    private final WorkspaceServer server;

    DocumentPages(WorkspaceServer server) {
        this.server = server;
    }

    void routes(RoutesConfig r) {
        r.get("/practices/{ods}/documents", this::index);
        r.get("/practices/{ods}/documents/{kind}", this::view);
        r.get("/practices/{ods}/documents/{kind}/download", this::download);
        r.post("/practices/{ods}/documents/{kind}/sent", this::markSent);
        r.get("/practices/{ods}/sent/{letter}", this::sentText);
        r.get("/practices/{ods}/answers", ctx -> answersPage(ctx, null, null));
        r.post("/practices/{ods}/answers", this::importAnswers);
        r.get("/practices/{ods}/agreements/{id}/settle", this::settle);
    }

    private Workspace ws() {
        return server.workspace();
    }

    private Campaign campaign() {
        return server.campaign();
    }

    private Views.Page page(Context ctx, String title, String ods) {
        return server.page(ctx, title, ods);
    }

    private String ods(Context ctx) {
        return server.practiceOfPath(ctx);
    }

    private static Campaign.Kind kind(Context ctx) {
        Campaign.Kind k = Campaign.Kind.of(ctx.pathParam("kind"));
        if (k == null) {
            throw new Refusal(404, "There is no such document.");
        }
        return k;
    }

    private void index(Context ctx) {
        String ods = ods(ctx);
        LocalDate asOf = Pages.asOf(ctx, ws());
        Campaign.Kind[] kinds = Campaign.Kind.values();
        List<DocumentViews.Item> items = new ArrayList<>();
        Registers.Audited audited = ws().current(ods, asOf);
        for (Campaign.Kind k : kinds) {
            int n = k.about == null ? audited.rows().size() : campaign().agreements(ods, k, asOf).size();
            items.add(new DocumentViews.Item(k, n));
        }
        ctx.html(WorkspaceServer.render("documents/index.jte", new DocumentViews.Index(page(ctx, "Documents · " + ods, ods), items,
                campaign().sent(ods), campaign().due(audited, ods), campaign().followUpDue(ods, asOf))));
    }

    private void view(Context ctx) {
        String ods = ods(ctx);
        Campaign.Kind kind = kind(ctx);
        render(ctx, ods, kind, null, 0);
    }

    private void render(Context ctx, String ods, Campaign.Kind kind, String error, int madeVersion) {
        LocalDate asOf = Pages.asOf(ctx, ws());
        Campaign.Document doc = campaign().document(ods, kind, asOf);
        List<Campaign.Sent> sent = campaign().sent(ods).stream().filter(s -> s.kind() == kind).toList();
        ctx.html(WorkspaceServer.render("documents/document.jte", new DocumentViews.DocumentPage(
                page(ctx, kind.title + " · " + ods, ods), doc, sent, ws().today().toString(), error, madeVersion,
                ctx.queryParam("sent") != null)));
    }

    private void download(Context ctx) {
        String ods = ods(ctx);
        Campaign.Kind kind = kind(ctx);
        String format = ctx.queryParam("format");
        String ext = format == null || format.isBlank() ? kind.formats().get(0) : format.strip();
        if (!kind.formats().contains(ext)) {
            throw new Refusal(400, "The " + kind.title.toLowerCase(java.util.Locale.ROOT) + " downloads as "
                    + String.join(", ", kind.formats()) + ".");
        }
        byte[] body = campaign().download(ods, kind, ext, Pages.asOf(ctx, ws()));
        ctx.header("Content-Disposition", "attachment; filename=\"" + ods + "-" + kind.slug + "." + ext + "\"");
        ctx.contentType(switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "csv" -> "text/csv; charset=utf-8";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "docx" -> WorkspaceServer.DOCX;
            default -> "text/markdown; charset=utf-8";
        }).result(body);
    }

    private void markSent(Context ctx) {
        String ods = ods(ctx);
        Campaign.Kind kind = kind(ctx);
        LocalDate on;
        try {
            String given = ctx.formParam("sentOn");
            on = given == null || given.isBlank() ? ws().today() : LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            ctx.status(422);
            render(ctx, ods, kind, "\"" + ctx.formParam("sentOn") + "\" is not a date: write it as YYYY-MM-DD.", 0);
            return;
        }
        try {
            campaign().markSent(ods, kind, on, ctx.attribute("actor"), ctx.formParam("comment"));
        } catch (WorkspaceException e) {
            ctx.status(422);
            render(ctx, ods, kind, e.getMessage(), 0);
            return;
        }
        ctx.redirect("/practices/" + ods + "/documents/" + kind.slug + "?sent=" + on, HttpStatus.SEE_OTHER);
    }

    private void sentText(Context ctx) {
        String ods = ods(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("letter"));
        } catch (NumberFormatException e) {
            throw new Refusal(404, "There is no such letter.");
        }
        String text = campaign().sentText(ods, id);
        if (text == null) {
            throw new Refusal(404, "There is no such letter.");
        }
        Campaign.Sent s = campaign().sent(ods).stream().filter(x -> x.letterId() == id).findFirst().orElse(null);
        ctx.html(WorkspaceServer.render("documents/sent.jte", new DocumentViews.SentPage(
                page(ctx, (s == null ? "Document" : s.kind().title) + " as sent · " + ods, ods), s, text)));
    }

    private void answersPage(Context ctx, Campaign.AnswerReport report, String error) {
        String ods = ods(ctx);
        ctx.html(WorkspaceServer.render("documents/answers.jte", new DocumentViews.AnswersPage(
                page(ctx, "Import the ICB's answers · " + ods, ods), report, error, ws().today().toString(),
                ws().currentVersion(ods))));
    }

    private void importAnswers(Context ctx) {
        String ods = ods(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            ctx.status(400);
            answersPage(ctx, null, "Choose the answered questionnaire (CSV or .xlsx) to import.");
            return;
        }
        LocalDate on;
        try {
            String given = ctx.formParam("receivedOn");
            on = given == null || given.isBlank() ? ws().today() : LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            ctx.status(422);
            answersPage(ctx, null, "\"" + ctx.formParam("receivedOn") + "\" is not a date: write it as YYYY-MM-DD.");
            return;
        }
        try {
            Campaign.AnswerReport report = campaign().importAnswers(ods, file.content().readAllBytes(),
                    Pages.RegisterFilesName.plain(file.filename()), on, ctx.attribute("actor"), ctx.formParam("comment"));
            ctx.status(report.version() == 0 ? 200 : 201);
            answersPage(ctx, report, null);
        } catch (WorkspaceException e) {
            ctx.status(400);
            answersPage(ctx, null, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void settle(Context ctx) {
        String ods = ods(ctx);
        LocalDate asOf = Pages.asOf(ctx, ws());
        Registers.Row row = ws().current(ods, asOf).row(ctx.pathParam("id"));
        if (row == null) {
            throw new Refusal(404, ods + "'s register has no agreement " + ctx.pathParam("id") + ".");
        }
        Decision d = row.decision();
        WhatIf w = d == null ? WhatIf.NONE : campaign().whatIf(row.agreement(), d, asOf);
        boolean fragment = "true".equals(ctx.header("HX-Request"));
        ctx.html(WorkspaceServer.render("documents/settle.jte", new DocumentViews.SettlePage(
                page(ctx, "What would settle " + row.dsaId(), ods), row.dsaId(), w, fragment)));
    }
}
