package org.dsarules.workspace.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dsarules.decision.Outcome;
import org.dsarules.engine.RuleCatalogue;
import org.dsarules.engine.WhyNot;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.Actor;
import org.dsarules.workspace.FactForm;
import org.dsarules.workspace.Registers;
import org.dsarules.workspace.Workspace;
import org.dsarules.workspace.WorkspaceException;

/** The pages: server-rendered, each a GET that shows or a POST (with the CSRF token) that changes and redirects. */
final class Pages {
    private final WorkspaceServer server;

    Pages(WorkspaceServer server) {
        this.server = server;
    }

    void routes(RoutesConfig r) {
        r.get("/", this::dashboard);
        r.get("/import", ctx -> ctx.html(WorkspaceServer.render("import.jte", new Views.ImportPage(page(ctx, "Import a register", null),
                visible(ctx), null, null))));
        r.post("/import", this::importFile);
        r.get("/practices/{ods}/register", this::register);
        r.get("/practices/{ods}/agreements/{id}", this::agreement);
        r.get("/practices/{ods}/agreements/{id}/edit", ctx -> edit(ctx, null, null, null, null));
        r.post("/practices/{ods}/agreements/{id}/edit", this::save);
        r.get("/practices/{ods}/diff", this::diff);
        r.get("/practices/{ods}/export", this::export);
    }

    /** The practices the session may see (the import page offers only these). */
    private List<Registers.PracticeInfo> visible(Context ctx) {
        return server.visiblePractices(ctx);
    }

    private Workspace ws() {
        return server.workspace();
    }

    private Views.Page page(Context ctx, String title, String ods) {
        return server.page(ctx, title, ods);
    }

    private String ods(Context ctx) {
        return server.practiceOfPath(ctx);
    }

    static LocalDate asOf(Context ctx, Workspace ws) {
        String given = ctx.queryParam("asOf");
        if (given == null || given.isBlank()) {
            return ws.today();
        }
        try {
            return LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal(400, "asOf \"" + given + "\" is not a date: write it as YYYY-MM-DD");
        }
    }

    private void dashboard(Context ctx) {
        LocalDate asOf = asOf(ctx, ws());
        List<Views.Card> cards = new ArrayList<>();
        Actor actor = ctx.attribute("actor");
        for (Registers.PracticeInfo p : ws().practices()) {
            if (!server.access().mayAccess(actor, p.odsCode())) {
                continue;
            }
            Registers.Audited a = ws().audited(p.odsCode(), p.version(), asOf);
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                counts.put(o, a.count(o));
            }
            int flagged = (int) a.rows().stream().filter(r -> r.decision() != null && !r.decision().redFlags().isEmpty()).count();
            // What is due next: the decisions, with the documents marked as sent and the replies awaited.
            List<String> due = server.campaign().due(a, p.odsCode());
            cards.add(new Views.Card(p, counts, flagged, a.errors().size(), due));
        }
        ctx.html(WorkspaceServer.render("dashboard.jte", new Views.Dashboard(page(ctx, "Dashboard", null), cards)));
    }

    private void register(Context ctx) {
        String ods = ods(ctx);
        Registers.Audited a = ws().current(ods, asOf(ctx, ws()));
        String outcome = param(ctx, "outcome");
        String flag = param(ctx, "flag");
        String programme = param(ctx, "programme");
        String status = param(ctx, "status");
        String sort = param(ctx, "sort");
        TreeSet<String> flags = new TreeSet<>();
        TreeSet<String> programmes = new TreeSet<>();
        a.rows().forEach(r -> {
            if (r.decision() != null) {
                flags.addAll(r.decision().redFlags());
            }
            if (r.agreement().programme() != null) {
                programmes.add(r.agreement().programme());
            }
        });
        List<Registers.Row> rows = new ArrayList<>(a.rows().stream()
                .filter(r -> outcome.isEmpty() || r.decision() != null && r.decision().outcome().name().equals(outcome))
                .filter(r -> flag.isEmpty() || r.decision() != null && r.decision().redFlags().contains(flag))
                .filter(r -> programme.isEmpty() || programme.equals(r.agreement().programme()))
                .filter(r -> status.isEmpty() || r.agreement().status() != null && r.agreement().status().name().equals(status)
                        || status.equals("UNKNOWN") && r.agreement().status() == null)
                .toList());
        Comparator<Registers.Row> order = switch (sort) {
            case "outcome" -> Comparator.comparing((Registers.Row r) -> r.decision() == null ? 9 : r.decision().outcome().ordinal());
            case "title" -> Comparator.comparing((Registers.Row r) -> r.agreement().title() == null ? "" : r.agreement().title());
            case "flags" -> Comparator.comparing((Registers.Row r) -> r.decision() == null ? 0 : -r.decision().redFlags().size());
            default -> null;
        };
        if (order != null) {
            rows.sort(order.thenComparing(Registers.Row::dsaId));
        }
        String name = a.practice() != null && a.practice().name() != null ? a.practice().name() : ods;
        ctx.html(WorkspaceServer.render("register.jte", new Views.RegisterTable(page(ctx, "Register of " + name, ods), a, rows,
                outcome, flag, programme, status, sort, List.copyOf(flags), List.copyOf(programmes))));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    private Registers.Row row(Context ctx, String ods, LocalDate asOf) {
        Registers.Row row = ws().current(ods, asOf).row(ctx.pathParam("id"));
        if (row == null) {
            throw new Refusal(404, ods + "'s register has no agreement " + ctx.pathParam("id") + ".");
        }
        return row;
    }

    private void agreement(Context ctx) {
        String ods = ods(ctx);
        LocalDate asOf = asOf(ctx, ws());
        Registers.Row row = row(ctx, ods, asOf);
        List<String> whyNot = row.decision() == null ? List.of()
                : WhyNot.of(row.decision(), RuleCatalogue.of(ws().rules().knowledgeBase()));
        ctx.html(WorkspaceServer.render("agreement.jte", new Views.AgreementPage(page(ctx, row.dsaId() + " · " + ods, ods), row,
                whyNot, ws().history(ods, row.dsaId()), ws().currentVersion(ods), advice(row))));
    }

    /** The LMC's newest advice on the agreement's programme, or null. */
    private org.dsarules.workspace.SystemRound.Advice advice(Registers.Row row) {
        String key = server.round().programmeOf(row.agreement());
        return key == null ? null : server.round().advice().get(key);
    }

    private void edit(Context ctx, Map<String, String> cells, String field, String message, Registers.Conflict conflict) {
        String ods = ods(ctx);
        Registers.Row row = row(ctx, ods, ws().today());
        Map<String, String> shown = cells != null ? cells : ws().cells(ods, row.dsaId());
        int parties = FactForm.parties(shown) + 1;
        ctx.html(WorkspaceServer.render("edit.jte", new Views.EditPage(page(ctx, "Correct the facts of " + row.dsaId(), ods), row,
                shown, parties, field, message, conflict, FactForm.SECTIONS, FactForm.PARTY)));
    }

    private void save(Context ctx) {
        String ods = ods(ctx);
        String id = ctx.pathParam("id");
        int base;
        int parties;
        try {
            base = Integer.parseInt(ctx.formParam("revision"));
            parties = Math.min(1000, Integer.parseInt(ctx.formParam("parties")));
        } catch (NumberFormatException e) {
            throw new Refusal(400, "This form is incomplete: open the agreement again.");
        }
        Map<String, String> answers = FactForm.answers(ctx.formParamMap(), parties);
        Registers.EditResult result = ws().edit(ods, id, base, answers, ctx.attribute("actor"), ctx.formParam("comment"), ws().today());
        if (result instanceof Registers.Saved s) {
            ctx.redirect("/practices/" + ods + "/agreements/" + id + "?saved=" + s.version(), io.javalin.http.HttpStatus.SEE_OTHER);
        } else if (result instanceof Registers.Invalid i) {
            ctx.status(422);
            edit(ctx, shownAfter(answers), i.field(), i.message(), null);
        } else if (result instanceof Registers.Conflict c) {
            ctx.status(409);
            edit(ctx, null, null, null, c);
        } else {
            ctx.redirect("/practices/" + ods + "/agreements/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }

    /** The form as submitted, so that a refused save shows what was typed. */
    private static Map<String, String> shownAfter(Map<String, String> answers) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (!v.isBlank()) {
                out.put(k, v);
            }
        });
        return out;
    }

    private void importFile(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        Views.Page page = page(ctx, "Import a register", null);
        if (file == null || file.size() == 0) {
            ctx.status(400).html(WorkspaceServer.render("import.jte", new Views.ImportPage(page, visible(ctx), null,
                    "Choose a register file (CSV, .xlsx or JSON) to import.")));
            return;
        }
        String name = file.filename();
        RegisterFiles.Format format = RegisterFiles.Format.of(java.nio.file.Path.of(
                RegisterFilesName.plain(name)));
        try {
            Registers.ImportReport report = ws().importRegister(file.content().readAllBytes(), format, RegisterFilesName.plain(name),
                    ctx.formParam("odsCode"), ctx.attribute("actor"), ctx.formParam("comment"), server.access());
            ctx.status(201).html(WorkspaceServer.render("import.jte", new Views.ImportPage(page, visible(ctx), report, null)));
        } catch (org.dsarules.workspace.HiddenPracticeException e) {
            throw new Refusal(404, e.getMessage());
        } catch (WorkspaceException e) {
            ctx.status(400).html(WorkspaceServer.render("import.jte", new Views.ImportPage(page, visible(ctx), null, e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void diff(Context ctx) {
        String ods = ods(ctx);
        List<Registers.VersionInfo> versions = ws().versions(ods);
        int to = intParam(ctx, "to", versions.get(0).number());
        int from = intParam(ctx, "from", Math.max(1, to - 1));
        if (from < 1 || to < 1 || from > versions.get(0).number() || to > versions.get(0).number()) {
            throw new Refusal(404, ods + " has versions 1 to " + versions.get(0).number() + ".");
        }
        LocalDate asOf = asOf(ctx, ws());
        ctx.html(WorkspaceServer.render("diff.jte", new Views.DiffPage(page(ctx, "What changed · " + ods, ods), versions, from, to,
                ws().diff(ods, from, to, asOf))));
    }

    private void export(Context ctx) {
        String ods = ods(ctx);
        String f = param(ctx, "format");
        RegisterFiles.Format format = switch (f.isEmpty() ? "csv" : f) {
            case "csv" -> RegisterFiles.Format.CSV;
            case "json" -> RegisterFiles.Format.JSON;
            case "xlsx" -> RegisterFiles.Format.XLSX;
            default -> throw new Refusal(400, "format is csv, json or xlsx");
        };
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ws().export(ods, 0, format, out);
        String ext = format.name().toLowerCase(java.util.Locale.ROOT);
        ctx.header("Content-Disposition", "attachment; filename=\"" + ods + "-register." + ext + "\"");
        ctx.contentType(switch (format) {
            case CSV -> "text/csv; charset=utf-8";
            case JSON -> "application/json";
            case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }).result(out.toByteArray());
    }

    private static int intParam(Context ctx, String name, int dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(400, name + " is a version number");
        }
    }

    /** A file name as a browser gives it, without any folder. */
    static final class RegisterFilesName {
        private RegisterFilesName() {
        }

        static String plain(String name) {
            String n = name == null ? "" : name.replaceAll(".*[/\\\\]", "").strip();
            return n.isEmpty() ? "register" : n;
        }
    }
}
