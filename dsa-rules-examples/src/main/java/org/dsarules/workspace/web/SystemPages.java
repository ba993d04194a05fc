package org.dsarules.workspace.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.dsarules.documents.DocxLetter;
import org.dsarules.model.LmcAdvice;
import org.dsarules.workspace.Campaign;
import org.dsarules.workspace.SystemRound;
import org.dsarules.workspace.Workspace;
import org.dsarules.workspace.WorkspaceException;

/**
 * The LMC's round across practices ({@link SystemRound}): the system questionnaire to download and the ICB's
 * answers to upload, with each practice's conflicts; advice per programme; the LMC's letter; and what each
 * practice has sent and what is overdue. Who may call each is {@link WorkspaceServer#ROUTES}'s; what a page
 * lists is further kept to the practices the signed-in account may see.
 */
final class SystemPages {
    private final WorkspaceServer server;

    SystemPages(WorkspaceServer server) {
        this.server = server;
    }

    void routes(RoutesConfig r) {
        r.get("/system", ctx -> systemPage(ctx, 200, null, null));
        r.get("/system/questionnaire", this::questionnaire);
        r.post("/system/answers", this::importAnswers);
        r.get("/practices/{ods}/conflicts", this::conflicts);
        r.post("/programmes/{key}/advice", this::advise);
        r.get("/letter", this::letter);
        r.get("/letter/download", this::letterDownload);
        r.get("/progress", this::progress);
    }

    private Workspace ws() {
        return server.workspace();
    }

    private SystemRound round() {
        return server.round();
    }

    /** The practices the request's actor may see. */
    private List<String> practices(Context ctx) {
        return server.visibleOdsCodes(ctx);
    }

    // ---------------------------------------------------------------- the system questionnaire

    private void systemPage(Context ctx, int status, SystemRound.SystemAnswers report, String error) {
        List<String> practices = practices(ctx);
        int questions = round().questionnaire(practices, ws().today()).size();
        ctx.status(status).html(WorkspaceServer.render("system.jte", new SystemViews.SystemPage(
                server.page(ctx, "The system questionnaire", null), practices, questions, report, error,
                ws().today().toString(), round().conflicts(practices))));
    }

    private void questionnaire(Context ctx) {
        String format = ctx.queryParam("format");
        String ext = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        if (!ext.equals("csv") && !ext.equals("xlsx")) {
            throw new Refusal(400, "The system questionnaire downloads as csv or xlsx.");
        }
        byte[] body = round().questionnaire(practices(ctx), ext, Pages.asOf(ctx, ws()));
        ctx.header("Content-Disposition", "attachment; filename=\"system-questionnaire." + ext + "\"");
        ctx.contentType(ext.equals("csv") ? "text/csv; charset=utf-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").result(body);
    }

    private void importAnswers(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            systemPage(ctx, 400, null, "Choose the ICB's answered system questionnaire (CSV or .xlsx) to apply.");
            return;
        }
        LocalDate on;
        try {
            String given = ctx.formParam("receivedOn");
            on = given == null || given.isBlank() ? ws().today() : LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            systemPage(ctx, 422, null, "\"" + ctx.formParam("receivedOn") + "\" is not a date: write it as YYYY-MM-DD.");
            return;
        }
        try {
            SystemRound.SystemAnswers report = round().importAnswers(practices(ctx), file.content().readAllBytes(),
                    Pages.RegisterFilesName.plain(file.filename()), on, ctx.attribute("actor"), ctx.formParam("comment"));
            boolean changed = report.practices().stream().anyMatch(p -> p.version() > 0);
            systemPage(ctx, changed ? 201 : 200, report, null);
        } catch (WorkspaceException e) {
            systemPage(ctx, 400, null, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One practice's conflicts: the practice's own page, 404 to anyone who may not see it. */
    private void conflicts(Context ctx) {
        String ods = server.practiceOfPath(ctx);
        ctx.html(WorkspaceServer.render("conflicts.jte", new SystemViews.ConflictsPage(
                server.page(ctx, "The ICB's answers that differ from the register · " + ods, ods), round().conflicts(List.of(ods)))));
    }

    // ---------------------------------------------------------------- advice per programme

    private void advise(Context ctx) {
        String given = ctx.formParam("advice");
        LmcAdvice advice;
        try {
            advice = LmcAdvice.valueOf(given == null ? "" : given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "Choose the advice: KEEP, WITHDRAW or NONE (no advice).");
        }
        String key = org.dsarules.workspace.Programmes.unslug(ctx.pathParam("key"));
        try {
            round().advise(key, advice, practices(ctx), ctx.attribute("actor"), ctx.formParam("comment"));
        } catch (WorkspaceException e) {
            throw new Refusal(404, "There is no programme " + key + " in this workspace.");
        }
        ctx.redirect("/programmes#g-" + org.dsarules.workspace.Programmes.slug(key), HttpStatus.SEE_OTHER);
    }

    // ---------------------------------------------------------------- the LMC's letter

    private void letter(Context ctx) {
        List<String> practices = practices(ctx);
        ctx.html(WorkspaceServer.render("letter.jte", new SystemViews.LetterPage(server.page(ctx, "The LMC's letter to the ICB", null),
                practices, round().letter(practices, Pages.asOf(ctx, ws()), true))));
    }

    private void letterDownload(Context ctx) {
        String format = ctx.queryParam("format");
        String ext = format == null || format.isBlank() ? "md" : format.strip().toLowerCase(Locale.ROOT);
        if (!ext.equals("md") && !ext.equals("txt") && !ext.equals("docx")) {
            throw new Refusal(400, "The LMC's letter downloads as md, txt or docx.");
        }
        LocalDate asOf = Pages.asOf(ctx, ws());
        // The Word document is the Markdown letter through the command line's writer, dated as letter --system dates it.
        String text = round().letter(practices(ctx), asOf, !ext.equals("txt"));
        byte[] body = ext.equals("docx") ? DocxLetter.fromMarkdown(text, asOf) : text.getBytes(StandardCharsets.UTF_8);
        ctx.header("Content-Disposition", "attachment; filename=\"lmc-letter." + ext + "\"");
        ctx.contentType(switch (ext) {
            case "md" -> "text/markdown; charset=utf-8";
            case "docx" -> WorkspaceServer.DOCX;
            default -> "text/plain; charset=utf-8";
        }).result(body);
    }

    // ---------------------------------------------------------------- sent and overdue

    private void progress(Context ctx) {
        LocalDate asOf = Pages.asOf(ctx, ws());
        ctx.html(WorkspaceServer.render("progress.jte", new SystemViews.ProgressPage(server.page(ctx, "What each practice has sent", null),
                asOf.toString(), Campaign.REPLY_DAYS, round().progress(practices(ctx), asOf))));
    }
}
