package org.dsarules.workspace.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.dsarules.decision.AuditResult;
import org.dsarules.json.DecisionDocumentWriter;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.Actor;
import org.dsarules.workspace.Registers;
import org.dsarules.workspace.Workspace;
import org.dsarules.workspace.WorkspaceException;

/** The JSON API (docs/workspace.md): the token as a bearer, JSON in and out, errors as {@code {"error": "..."}}. */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final WorkspaceServer server;

    Api(WorkspaceServer server) {
        this.server = server;
    }

    void routes(RoutesConfig r) {
        r.post("/api/session", this::signIn);
        r.delete("/api/session", this::signOut);
        r.post("/api/registers", this::postRegister);
        r.get("/api/practices", this::practices);
        r.get("/api/practices/{ods}/decisions", this::decisions);
    }

    /**
     * Signs in with an account: the body {@code {"name": ..., "password": ...}} as {@code application/json}
     * (which a form of another site cannot send); answers 201 with the session's bearer token, which
     * expires as a browser's session does.
     */
    private void signIn(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new Refusal(415, "send {\"name\": ..., \"password\": ...} as application/json");
        }
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (java.io.IOException e) {
            throw new Refusal(400, "the body is not JSON: send {\"name\": ..., \"password\": ...}");
        }
        if (body == null || !body.path("name").isTextual() || !body.path("password").isTextual()) {
            throw new Refusal(400, "send {\"name\": ..., \"password\": ...}");
        }
        char[] password = body.path("password").asText().toCharArray();
        org.dsarules.workspace.accounts.SignIn result = server.workspace().accounts().signIn(body.path("name").asText(), password, WorkspaceServer.clientAddress(ctx));
        java.util.Arrays.fill(password, '\0');
        if (result instanceof org.dsarules.workspace.accounts.SignIn.Success s) {
            Sessions.Session session = server.sessions().open(s.account().actor());
            ObjectNode out = JSON.createObjectNode().put("token", session.id()).put("account", s.account().name())
                    .put("role", s.account().role().option).put("idleMinutes", Sessions.IDLE.toMinutes())
                    .put("expires", session.opened().plus(Sessions.ABSOLUTE).toString());
            ctx.status(201).contentType("application/json").result(out.toString());
        } else if (result instanceof org.dsarules.workspace.accounts.SignIn.Locked l) {
            throw new Refusal(429, l.message());
        } else {
            throw new Refusal(401, ((org.dsarules.workspace.accounts.SignIn.Refused) result).message());
        }
    }

    private void signOut(Context ctx) {
        Sessions.Session s = ctx.attribute("session");
        if (s != null) {
            server.sessions().close(s.id());
        }
        ctx.status(204);
    }

    static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    private void postRegister(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        RegisterFiles.Format format;
        if (type.startsWith("text/csv")) {
            format = RegisterFiles.Format.CSV;
        } else if (type.startsWith("application/json")) {
            format = RegisterFiles.Format.JSON;
        } else if (type.startsWith(XLSX)) {
            format = RegisterFiles.Format.XLSX;
        } else {
            throw new Refusal(415, "send the register as text/csv, application/json or " + XLSX);
        }
        String name = ctx.queryParam("fileName");
        name = Pages.RegisterFilesName.plain(name == null ? "register." + format.name().toLowerCase(Locale.ROOT) : name);
        Actor actor = ctx.attribute("actor");
        Registers.ImportReport report;
        try {
            report = server.workspace().importRegister(ctx.bodyAsBytes(), format, name, ctx.queryParam("odsCode"), actor,
                    ctx.queryParam("comment"), server.access());
        } catch (org.dsarules.workspace.HiddenPracticeException e) {
            throw new Refusal(404, e.getMessage());
        } catch (WorkspaceException e) {
            throw new Refusal(400, e.getMessage());
        }
        ObjectNode out = JSON.valueToTree(report);
        ctx.header("Location", "/api/practices/" + report.odsCode() + "/decisions");
        ctx.status(201).contentType("application/json").result(out.toString());
    }

    private void practices(Context ctx) {
        ArrayNode out = JSON.createArrayNode();
        Actor actor = ctx.attribute("actor");
        for (Registers.PracticeInfo p : server.workspace().practices()) {
            if (server.access().mayAccess(actor, p.odsCode())) {
                out.addObject().put("odsCode", p.odsCode()).put("name", p.name()).put("icb", p.icb())
                        .put("version", p.version()).put("agreements", p.agreements()).put("updated", p.updated().toString());
            }
        }
        ctx.contentType("application/json").result(out.toString());
    }

    private void decisions(Context ctx) {
        Workspace ws = server.workspace();
        String ods;
        try {
            ods = Workspace.odsCode(ctx.pathParam("ods"));
        } catch (WorkspaceException e) {
            throw new Refusal(404, "no such practice");
        }
        if (!server.access().mayAccess(ctx.attribute("actor"), ods)) {
            throw new Refusal(404, "no practice " + ods + " in this workspace");
        }
        AuditResult result = ws.decisions(ods, Pages.asOf(ctx, ws));
        if (result == null) {
            throw new Refusal(404, "no practice " + ods + " in this workspace");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionDocumentWriter.write(result, out);
        ctx.contentType("application/json").result(out.toByteArray());
    }
}
