package org.dsarules.workspace.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.dsarules.workspace.Access;
import org.dsarules.workspace.Workspace;
import org.dsarules.workspace.WorkspaceException;

/**
 * The workspace on the loopback: Javalin (on Jetty) bound to 127.0.0.1 only, serving the pages and the
 * JSON API over one {@link Workspace}. Every request is checked here, before any route runs: the Host
 * must be this server (no DNS rebinding), a page needs the session the printed token opened, an API call
 * the token as its bearer, and every POST of a page the session's CSRF token. Every response carries a
 * content security policy that allows no inline script, nosniff and no framing.
 */
public final class WorkspaceServer implements AutoCloseable {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            WorkspaceServer.class.getClassLoader(), "org.dsarules.workspace.web.templates");

    private final Workspace workspace;
    private final Sessions sessions = new Sessions();
    private final Access access;
    private final Javalin app;
    private final String htmx;
    private final org.dsarules.workspace.Campaign campaign;

    private WorkspaceServer(Workspace workspace, Access access, int port) {
        this.workspace = workspace;
        this.access = access;
        this.htmx = "/webjars/htmx.org/" + assetVersion("htmx") + "/dist/htmx.min.js";
        Pages pages = new Pages(this);
        Api api = new Api(this);
        this.campaign = new org.dsarules.workspace.Campaign(workspace);
        DocumentPages documents = new DocumentPages(this);
        this.app = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/workspace/static";
                s.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.http.maxRequestSize = 32L * 1024 * 1024;
            config.routes.before(this::guard);
            config.routes.after(WorkspaceServer::headers);
            pages.routes(config.routes);
            documents.routes(config.routes);
            api.routes(config.routes);
            config.routes.exception(Refusal.class, (e, ctx) -> refuse(ctx, e.status, e.getMessage()));
            config.routes.exception(WorkspaceException.class, (e, ctx) -> refuse(ctx, 400, e.getMessage()));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                    refuse(ctx, 404, "There is nothing at this address.");
                }
            });
        });
    }

    /** Starts the workspace on 127.0.0.1 at {@code port} (0: a free one). */
    public static WorkspaceServer start(Workspace workspace, int port) {
        WorkspaceServer s = new WorkspaceServer(workspace, Access.EVERYTHING, port);
        s.app.start();
        return s;
    }

    public int port() {
        return app.port();
    }

    /** The one line printed at start-up: the address with the token that opens a session. */
    public String address() {
        return "http://127.0.0.1:" + port() + "/?token=" + sessions.token();
    }

    /** The bearer token of the API (the printed token). */
    public String token() {
        return sessions.token();
    }

    Workspace workspace() {
        return workspace;
    }

    org.dsarules.workspace.Campaign campaign() {
        return campaign;
    }

    Sessions sessions() {
        return sessions;
    }

    Access access() {
        return access;
    }

    String htmx() {
        return htmx;
    }

    @Override
    public void close() {
        app.stop();
    }

    // ---------------------------------------------------------------- every request

    private void guard(Context ctx) {
        headers(ctx);
        String host = ctx.header("Host");
        if (host == null || !(host.equals("127.0.0.1:" + port()) || host.equals("localhost:" + port()))) {
            // A page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) is not this workspace.
            throw new Refusal(421, "This workspace answers only at http://127.0.0.1:" + port() + "/.");
        }
        String path = ctx.path();
        if (path.startsWith("/static/") || path.startsWith("/webjars/")) {
            return;
        }
        if (path.startsWith("/api/")) {
            String auth = ctx.header("Authorization");
            String bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
            if (!sessions.isToken(bearer)) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new Refusal(401, "the API needs the token printed by dsa-audit serve, as 'Authorization: Bearer TOKEN'");
            }
            ctx.attribute("actor", org.dsarules.workspace.Actor.LOCAL);
            return;
        }
        String token = ctx.queryParam("token");
        if (token != null) {
            if (!sessions.isToken(token)) {
                throw new Refusal(401, "This token does not open this workspace: use the address dsa-audit serve printed.");
            }
            Sessions.Session s = sessions.open(org.dsarules.workspace.Actor.LOCAL);
            ctx.header("Set-Cookie", Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict");
            // Off the address bar and out of the history: the token stays in the terminal only.
            ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        Sessions.Session s = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (s == null) {
            throw new Refusal(401, "Open the workspace with the address dsa-audit serve printed (it carries the token).");
        }
        ctx.attribute("session", s);
        ctx.attribute("actor", s.actor());
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            String given = ctx.header("X-CSRF-Token");
            if (given == null) {
                given = ctx.formParam("_csrf");
            }
            if (!Sessions.same(given, s.csrf())) {
                throw new Refusal(403, "This form is out of date or did not come from the workspace: open the page again and resubmit.");
            }
        }
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    private void refuse(Context ctx, int status, String message) {
        headers(ctx);
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json").result(Api.error(message));
        } else {
            Sessions.Session s = ctx.attribute("session");
            ctx.html(render("message.jte", new Views.Message(page(s, status == 401 ? "Not signed in" : "Refused", null),
                    status, message)));
        }
    }

    Views.Page page(Sessions.Session s, String title, String odsCode) {
        return new Views.Page(title, s == null ? "" : s.csrf(), odsCode, htmx);
    }

    static String render(String template, Object model) {
        StringOutput out = new StringOutput();
        TEMPLATES.render(template, model, out);
        return out.toString();
    }

    private static String assetVersion(String name) {
        Properties p = new Properties();
        try (InputStream in = WorkspaceServer.class.getResourceAsStream("/workspace/assets.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty(name);
    }
}
