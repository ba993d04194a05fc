package org.dsarules.workspace.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.dsarules.workspace.Access;
import org.dsarules.workspace.Actor;
import org.dsarules.workspace.HiddenPracticeException;
import org.dsarules.workspace.Workspace;
import org.dsarules.workspace.WorkspaceException;
import org.dsarules.workspace.accounts.Account;
import org.dsarules.workspace.accounts.Role;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The workspace over HTTP: Javalin (on Jetty) serving the pages and the JSON API over one
 * {@link Workspace}. Every request is checked here, in {@link #guard}, before any route runs, against the
 * route's entry in {@link #ROUTES} (a route missing from that table stops the server from starting):
 * who may call it (anyone, anyone signed in, the LMC officer), and for a practice's route whether the
 * signed-in account may see that practice (404 otherwise, as if it did not exist).
 *
 * <p>Two ways to run (docs/workspace.md, SECURITY.md): on the loopback, where the printed one-time token
 * opens a session as well as any account's sign-in, and the Host must be the loopback (no DNS rebinding);
 * or bound to another address, only with TLS and at least one account, where only accounts sign in.
 * Every response carries a content security policy that allows no inline script, nosniff and no framing.
 */
public final class WorkspaceServer implements AutoCloseable {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            WorkspaceServer.class.getClassLoader(), "org.dsarules.workspace.web.templates");

    /** Who may call a route. */
    public enum Who {
        /** Anyone, signed in or not: the sign-in itself. */
        ANYONE,
        /** Any session (the token's or an account's); what it shows is filtered by the account's practices. */
        SIGNED_IN,
        /** A session that may see the practice of the path's {@code {ods}}; any other answers 404. */
        PRACTICE,
        /** The LMC officer (or the loopback token's holder); a practice manager gets 403. */
        LMC
    }

    /**
     * Every route and who may call it, by {@code METHOD path} as registered. The server refuses to start
     * with a route this table does not name, so no route can be added without deciding who may call it.
     */
    public static final Map<String, Who> ROUTES = routes();

    private static Map<String, Who> routes() {
        Map<String, Who> m = new LinkedHashMap<>();
        m.put("GET /signin", Who.ANYONE);
        m.put("POST /signin", Who.ANYONE);
        m.put("POST /signout", Who.SIGNED_IN);
        m.put("GET /", Who.SIGNED_IN);
        m.put("GET /import", Who.SIGNED_IN);
        m.put("POST /import", Who.SIGNED_IN);
        m.put("GET /practices/{ods}/register", Who.PRACTICE);
        m.put("GET /practices/{ods}/agreements/{id}", Who.PRACTICE);
        m.put("GET /practices/{ods}/agreements/{id}/edit", Who.PRACTICE);
        m.put("POST /practices/{ods}/agreements/{id}/edit", Who.PRACTICE);
        m.put("GET /practices/{ods}/diff", Who.PRACTICE);
        m.put("GET /practices/{ods}/export", Who.PRACTICE);
        // The practice's documents, marks of them as sent, and the ICB's answers (web.DocumentPages).
        m.put("GET /practices/{ods}/documents", Who.PRACTICE);
        m.put("GET /practices/{ods}/documents/{kind}", Who.PRACTICE);
        m.put("GET /practices/{ods}/documents/{kind}/download", Who.PRACTICE);
        m.put("POST /practices/{ods}/documents/{kind}/sent", Who.PRACTICE);
        m.put("GET /practices/{ods}/sent/{letter}", Who.PRACTICE);
        m.put("GET /practices/{ods}/answers", Who.PRACTICE);
        m.put("POST /practices/{ods}/answers", Who.PRACTICE);
        m.put("GET /practices/{ods}/agreements/{id}/settle", Who.PRACTICE);
        m.put("GET /practices/{ods}/conflicts", Who.PRACTICE);
        m.put("GET /programmes", Who.LMC);
        // The LMC's round across practices (web.SystemPages).
        m.put("POST /programmes/{key}/advice", Who.LMC);
        m.put("GET /system", Who.LMC);
        m.put("GET /system/questionnaire", Who.LMC);
        m.put("POST /system/answers", Who.LMC);
        m.put("GET /letter", Who.LMC);
        m.put("GET /letter/download", Who.LMC);
        // Every signed-in account: a practice manager sees their own practice's line only.
        m.put("GET /progress", Who.SIGNED_IN);
        m.put("GET /imports", Who.LMC);
        m.put("GET /accounts", Who.LMC);
        m.put("POST /accounts", Who.LMC);
        m.put("POST /accounts/{name}/disable", Who.LMC);
        m.put("POST /accounts/{name}/enable", Who.LMC);
        m.put("POST /api/session", Who.ANYONE);
        m.put("DELETE /api/session", Who.SIGNED_IN);
        m.put("POST /api/registers", Who.SIGNED_IN);
        m.put("GET /api/practices", Who.SIGNED_IN);
        m.put("GET /api/practices/{ods}/decisions", Who.PRACTICE);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static final Set<HandlerType> ENDPOINT_METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);

    /**
     * How the workspace is served.
     *
     * @param bind        the address to listen on: {@code 127.0.0.1} (the loopback, with the printed token) or
     *                    another, which needs TLS and at least one enabled account
     * @param port        0: any free one
     * @param tlsKeystore a PKCS#12 keystore with the server's key and certificate, or null for plain HTTP
     *                    (allowed on the loopback only)
     * @param tlsPassword the keystore's password
     * @param aliases     the programme aliases the LMC's pages group programmes with (the shipped ones with a user's
     *                    file, as {@code --aliases FILE} gives them), or null for the shipped ones alone
     */
    public record Options(String bind, int port, Path tlsKeystore, char[] tlsPassword,
            org.dsarules.catalogue.ProgrammeAliases aliases) {
        /** Options with the shipped aliases. */
        public Options(String bind, int port, Path tlsKeystore, char[] tlsPassword) {
            this(bind, port, tlsKeystore, tlsPassword, null);
        }

        public static Options loopback(int port) {
            return new Options(LOOPBACK, port, null, null);
        }

        boolean onLoopback() {
            return LOOPBACK.equals(bind);
        }
    }

    /** The content type of a Word document (a letter downloaded as .docx). */
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static final String LOOPBACK = "127.0.0.1";

    private final Workspace workspace;
    private final Options options;
    private final Sessions sessions;
    private final Access access;
    private final Javalin app;
    private final String htmx;
    private final org.dsarules.workspace.Campaign campaign;
    private final org.dsarules.workspace.SystemRound round;

    private WorkspaceServer(Workspace workspace, Options options) {
        this.workspace = workspace;
        this.options = options;
        this.sessions = new Sessions(workspace.clock(), options.onLoopback());
        this.access = workspace.accounts().access();
        this.htmx = "/webjars/htmx.org/" + assetVersion("htmx") + "/dist/htmx.min.js";
        KeyStore keyStore = options.tlsKeystore() == null ? null : keyStore(options.tlsKeystore(), options.tlsPassword());
        Pages pages = new Pages(this);
        Api api = new Api(this);
        LmcPages lmc = new LmcPages(this);
        this.campaign = new org.dsarules.workspace.Campaign(workspace);
        // The catalogue the rules decide with (--catalogue, --no-catalogue) names the programmes; core's key groups them.
        this.round = new org.dsarules.workspace.SystemRound(campaign, workspace.rules().knowledgeBase().catalogue(),
                options.aliases());
        DocumentPages documents = new DocumentPages(this);
        SystemPages system = new SystemPages(this);
        this.app = Javalin.create(config -> {
            config.jetty.host = options.bind();
            config.jetty.port = options.port();
            if (keyStore != null) {
                config.jetty.addConnector((server, http) -> {
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStore(keyStore);
                    ssl.setKeyStorePassword(new String(options.tlsPassword()));
                    HttpConfiguration https = new HttpConfiguration(http);
                    https.addCustomizer(new SecureRequestCustomizer());
                    ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                            new HttpConnectionFactory(https));
                    c.setHost(options.bind());
                    c.setPort(options.port());
                    return c;
                });
            }
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
            lmc.routes(config.routes);
            documents.routes(config.routes);
            system.routes(config.routes);
            api.routes(config.routes);
            config.routes.exception(Refusal.class, (e, ctx) -> refuse(ctx, e.status, e.getMessage()));
            config.routes.exception(HiddenPracticeException.class, (e, ctx) -> refuse(ctx, 404, e.getMessage()));
            config.routes.exception(WorkspaceException.class, (e, ctx) -> refuse(ctx, 400, e.getMessage()));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                    refuse(ctx, 404, "There is nothing at this address.");
                }
            });
        });
        for (String route : routeTable()) {
            if (!ROUTES.containsKey(route)) {
                throw new IllegalStateException("route " + route + " is not in WorkspaceServer.ROUTES: decide who may call it");
            }
        }
    }

    /** Starts the workspace on 127.0.0.1 at {@code port} (0: a free one), with the printed token. */
    public static WorkspaceServer start(Workspace workspace, int port) {
        return start(workspace, Options.loopback(port));
    }

    /**
     * Starts the workspace as {@code options} say.
     *
     * @throws WorkspaceException when bound beyond the loopback without TLS or without an enabled account
     */
    public static WorkspaceServer start(Workspace workspace, Options options) {
        if (!options.onLoopback()) {
            if (options.tlsKeystore() == null) {
                throw new WorkspaceException("--bind " + options.bind() + " needs TLS (--tls-keystore FILE): "
                        + "beyond the loopback, passwords and registers would cross the network in clear");
            }
            if (!workspace.accounts().anyEnabled()) {
                throw new WorkspaceException("--bind " + options.bind() + " needs at least one account: "
                        + "make one with dsa-audit users add --data DIR --name NAME --role lmc-officer");
            }
        }
        WorkspaceServer s = new WorkspaceServer(workspace, options);
        s.app.start();
        return s;
    }

    /** Every route of the running server as {@code METHOD path}, from Javalin's own route table. */
    public List<String> routeTable() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(p -> p.endpoint)
                .filter(e -> ENDPOINT_METHODS.contains(e.method)).map(e -> e.method.name() + " " + e.path).toList();
    }

    public int port() {
        return app.port();
    }

    private String scheme() {
        return options.tlsKeystore() == null ? "http" : "https";
    }

    /**
     * The one line printed at start-up: on the loopback the address with the token that opens a session;
     * beyond it, the sign-in page.
     */
    public String address() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        String root = scheme() + "://" + host + ":" + port() + "/";
        return sessions.token() == null ? root + "signin" : root + "?token=" + sessions.token();
    }

    /** The bearer token of the API on the loopback (the printed token), or null beyond it. */
    public String token() {
        return sessions.token();
    }

    Workspace workspace() {
        return workspace;
    }

    org.dsarules.workspace.Campaign campaign() {
        return campaign;
    }

    org.dsarules.workspace.SystemRound round() {
        return round;
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

    boolean secure() {
        return options.tlsKeystore() != null;
    }

    @Override
    public void close() {
        app.stop();
    }

    // ---------------------------------------------------------------- every request

    private void guard(Context ctx) {
        headers(ctx);
        if (sessions.token() != null) {
            String host = ctx.header("Host");
            if (host == null || !(host.equals("127.0.0.1:" + port()) || host.equals("localhost:" + port()))) {
                // A page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) is not this workspace.
                throw new Refusal(421, "This workspace answers only at " + scheme() + "://127.0.0.1:" + port() + "/.");
            }
        }
        // Beyond the loopback, TLS does the same: a browser sent to this address under another name refuses
        // the certificate before any request is made.
        String path = ctx.path();
        if (path.startsWith("/static/") || path.startsWith("/webjars/")) {
            return;
        }
        ParsedEndpoint endpoint = endpoint(ctx);
        Who who = endpoint == null ? Who.SIGNED_IN : ROUTES.getOrDefault(endpoint.endpoint.method.name() + " " + endpoint.endpoint.path, Who.LMC);
        if (who == Who.ANYONE) {
            return;
        }
        boolean api = path.startsWith("/api/");
        Sessions.Session session = null;
        Actor actor;
        if (api) {
            String auth = ctx.header("Authorization");
            String bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
            if (sessions.isToken(bearer)) {
                actor = Actor.LOCAL;
            } else {
                session = sessions.find(bearer);
                if (session == null) {
                    ctx.header("WWW-Authenticate", "Bearer");
                    throw new Refusal(401, "the API needs a bearer token: an account's, from POST /api/session"
                            + (sessions.token() == null ? "" : ", or the token printed by dsa-audit serve"));
                }
                actor = session.actor();
            }
        } else {
            String token = ctx.queryParam("token");
            if (token != null && sessions.token() != null) {
                if (!sessions.isToken(token)) {
                    throw new Refusal(401, "This token does not open this workspace: use the address dsa-audit serve printed.");
                }
                Sessions.Session s = sessions.open(Actor.LOCAL);
                ctx.header("Set-Cookie", cookie(Sessions.COOKIE, s.id()));
                // Off the address bar and out of the history: the token stays in the terminal only.
                ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            session = sessions.find(ctx.cookie(Sessions.COOKIE));
            if (session == null) {
                throw new Refusal(401, "Sign in to use the workspace.");
            }
            actor = session.actor();
        }
        Account account = null;
        if (!actor.equals(Actor.LOCAL)) {
            account = workspace.accounts().find(actor.id());
            if (account == null || account.disabled()) {
                // Disabled since the session opened: the session ends now.
                sessions.close(session == null ? null : session.id());
                throw new Refusal(401, "This account is disabled: ask the LMC officer.");
            }
        }
        ctx.attribute("session", session);
        ctx.attribute("actor", actor);
        ctx.attribute("account", account);
        if (!api && ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            String given = ctx.header("X-CSRF-Token");
            if (given == null) {
                given = ctx.formParam("_csrf");
            }
            if (!Sessions.same(given, session.csrf())) {
                throw new Refusal(403, "This form is out of date or did not come from the workspace: open the page again and resubmit.");
            }
        }
        if (who == Who.LMC && account != null && account.role() != Role.LMC_OFFICER) {
            throw new Refusal(403, "This page is the LMC officer's.");
        }
        if (who == Who.PRACTICE) {
            String ods = endpoint.extractPathParams(path).get("ods");
            String code;
            try {
                code = Workspace.odsCode(ods);
            } catch (WorkspaceException e) {
                throw new Refusal(404, "There is no such practice in this workspace.");
            }
            if (!access.mayAccess(actor, code)) {
                throw new Refusal(404, "There is no practice " + code + " in this workspace.");
            }
        }
    }

    private ParsedEndpoint endpoint(Context ctx) {
        // A HEAD is answered by the GET route of its path: it is checked as that GET.
        HandlerType method = ctx.method() == HandlerType.HEAD ? HandlerType.GET : ctx.method();
        List<ParsedEndpoint> found = app.unsafe.internalRouter.findHttpHandlerEntries(method, ctx.path());
        return found.isEmpty() ? null : found.get(0);
    }

    /** A cookie of this workspace: scripts cannot read it, other sites never send it, and over TLS only over TLS. */
    String cookie(String name, String value) {
        return name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure() ? "; Secure" : "");
    }

    /**
     * The address the connection came from. Not Javalin's {@code ctx.ip()}, which believes an
     * {@code X-Forwarded-For} header any client can send: that would let one address pass for many and
     * slip the per-address lock-out. (Behind a reverse proxy every client is the proxy's address.)
     */
    static String clientAddress(Context ctx) {
        return ctx.req().getRemoteAddr();
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
            ctx.html(render("message.jte", new Views.Message(page(ctx, s, status == 401 ? "Not signed in" : "Refused", null),
                    status, message)));
        }
    }

    /** A page for the session of {@code ctx}: what every page handler of the workspace renders into. */
    Views.Page page(Context ctx, String title, String odsCode) {
        return page(ctx, ctx.attribute("session"), title, odsCode);
    }

    /**
     * The practice of the path, if the request's actor may see it; otherwise 404, as if it did not exist. The one
     * check every page of a practice makes (its registers, its documents), so that none can forget a part of it.
     */
    String practiceOfPath(Context ctx) {
        String ods;
        try {
            ods = Workspace.odsCode(ctx.pathParam("ods"));
        } catch (WorkspaceException e) {
            throw new Refusal(404, "There is no such practice in this workspace.");
        }
        Actor actor = ctx.attribute("actor");
        if (!access().mayAccess(actor, ods) || workspace().currentVersion(ods) == 0) {
            throw new Refusal(404, "There is no practice " + ods + " in this workspace.");
        }
        return ods;
    }

    /** The practices the request's actor may see, by ODS code: every page that lists practices lists only these. */
    List<org.dsarules.workspace.Registers.PracticeInfo> visiblePractices(Context ctx) {
        Actor actor = ctx.attribute("actor");
        return workspace().practices().stream().filter(p -> access().mayAccess(actor, p.odsCode())).toList();
    }

    /** As {@link #visiblePractices}, their ODS codes. */
    List<String> visibleOdsCodes(Context ctx) {
        return visiblePractices(ctx).stream().map(org.dsarules.workspace.Registers.PracticeInfo::odsCode).toList();
    }

    Views.Page page(Context ctx, Sessions.Session s, String title, String odsCode) {
        Account a = ctx.attribute("account");
        Actor actor = ctx.attribute("actor");
        boolean lmc = actor != null && (actor.equals(Actor.LOCAL) || a != null && a.role() == Role.LMC_OFFICER);
        return new Views.Page(title, s == null ? "" : s.csrf(), odsCode, htmx, actor == null ? null : actor.name(), lmc,
                s != null && actor != null && !actor.equals(Actor.LOCAL));
    }

    static String render(String template, Object model) {
        StringOutput out = new StringOutput();
        TEMPLATES.render(template, model, out);
        return out.toString();
    }

    private static KeyStore keyStore(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new WorkspaceException("cannot read the TLS keystore " + file + " (a PKCS#12 file and its password): "
                    + e.getMessage());
        }
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
