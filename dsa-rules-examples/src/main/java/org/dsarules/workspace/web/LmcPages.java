package org.dsarules.workspace.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.dsarules.workspace.Actor;
import org.dsarules.workspace.Programmes;
import org.dsarules.workspace.Workspace;
import org.dsarules.workspace.WorkspaceException;
import org.dsarules.workspace.accounts.Account;
import org.dsarules.workspace.accounts.Role;
import org.dsarules.workspace.accounts.SignIn;

/**
 * The LMC's pages (the programmes across practices, what each practice has imported, the accounts) and the
 * sign-in. Who may call each is {@link WorkspaceServer#ROUTES}'s, checked before any of these runs.
 */
final class LmcPages {
    static final String SIGN_IN_COOKIE = "dsa_signin";

    private final WorkspaceServer server;
    LmcPages(WorkspaceServer server) {
        this.server = server;
    }

    void routes(RoutesConfig r) {
        r.get("/signin", ctx -> signInForm(ctx, 200, null, null));
        r.post("/signin", this::signIn);
        r.post("/signout", this::signOut);
        r.get("/programmes", this::programmes);
        r.get("/imports", this::imports);
        r.get("/accounts", ctx -> accounts(ctx, 200, null, null));
        r.post("/accounts", this::addAccount);
        r.post("/accounts/{name}/disable", ctx -> setEnabled(ctx, false));
        r.post("/accounts/{name}/enable", ctx -> setEnabled(ctx, true));
    }

    private Workspace ws() {
        return server.workspace();
    }

    private Views.Page page(Context ctx, String title) {
        return server.page(ctx, ctx.attribute("session"), title, null);
    }

    // ---------------------------------------------------------------- signing in

    /**
     * The form carries a token that is also set as a cookie (SameSite=Strict): a form posted from another
     * site has no such cookie, so nobody can sign a browser in to an account of theirs without its user.
     */
    private void signInForm(Context ctx, int status, String message, String name) {
        String csrf = Sessions.random();
        ctx.header("Set-Cookie", server.cookie(SIGN_IN_COOKIE, csrf));
        ctx.status(status).html(WorkspaceServer.render("signin.jte", new Views.SignInPage(
                server.page(ctx, null, "Sign in", null), csrf, message, name)));
    }

    private void signIn(Context ctx) {
        String given = ctx.formParam("_csrf");
        if (!Sessions.same(given, ctx.cookie(SIGN_IN_COOKIE))) {
            throw new Refusal(403, "This sign-in form is out of date or did not come from the workspace: open it again.");
        }
        String name = ctx.formParam("name");
        String pw = ctx.formParam("password");
        char[] password = pw == null ? new char[0] : pw.toCharArray();
        SignIn result = ws().accounts().signIn(name, password, WorkspaceServer.clientAddress(ctx));
        Arrays.fill(password, '\0');
        if (result instanceof SignIn.Success s) {
            Sessions.Session session = server.sessions().open(s.account().actor());
            ctx.header("Set-Cookie", server.cookie(Sessions.COOKIE, session.id()));
            ctx.redirect(s.account().role() == Role.LMC_OFFICER ? "/programmes" : "/", io.javalin.http.HttpStatus.SEE_OTHER);
        } else if (result instanceof SignIn.Locked l) {
            signInForm(ctx, 429, l.message(), name);
        } else {
            signInForm(ctx, 401, ((SignIn.Refused) result).message(), name);
        }
    }

    private void signOut(Context ctx) {
        Sessions.Session s = ctx.attribute("session");
        if (s != null) {
            server.sessions().close(s.id());
        }
        ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.redirect("/signin", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    // ---------------------------------------------------------------- the LMC's views

    private List<String> practices(Context ctx) {
        return server.visibleOdsCodes(ctx);
    }

    private void programmes(Context ctx) {
        LocalDate asOf = Pages.asOf(ctx, ws());
        List<String> practices = practices(ctx);
        Programmes.View view = server.round().programmes(practices, asOf);
        ctx.html(WorkspaceServer.render("programmes.jte", new Views.ProgrammesPage(page(ctx, "Programmes across practices"),
                asOf, practices, view.programmes(), server.round().advice(), view.unkeyed())));
    }

    private void imports(Context ctx) {
        List<String> practices = practices(ctx);
        ctx.html(WorkspaceServer.render("imports.jte", new Views.ImportsPage(page(ctx, "What each practice has imported"),
                ws().practices().stream().filter(p -> practices.contains(p.odsCode())).toList(), ws().imports(practices))));
    }

    private void accounts(Context ctx, int status, String message, String error) {
        ctx.status(status).html(WorkspaceServer.render("accounts.jte", new Views.AccountsPage(page(ctx, "Accounts"),
                ws().accounts().list(), ws().accounts().attempts(50), message, error)));
    }

    private void addAccount(Context ctx) {
        String pw = ctx.formParam("password");
        char[] password = pw == null ? new char[0] : pw.toCharArray();
        try {
            Role role = Role.of(ctx.formParam("role"));
            Account a = ws().accounts().add(ctx.formParam("name"), role, role == Role.PRACTICE_MANAGER ? ctx.formParam("practice") : null,
                    password, ctx.attribute("actor"));
            accounts(ctx, 201, "Account " + a.name() + " made (" + a.role().words + (a.odsCode() == null ? "" : ", " + a.odsCode()) + ").", null);
        } catch (WorkspaceException e) {
            accounts(ctx, 400, null, e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void setEnabled(Context ctx, boolean enabled) {
        String name = ctx.pathParam("name");
        Actor actor = ctx.attribute("actor");
        if (ws().accounts().find(name) == null) {
            throw new Refusal(404, "There is no account " + name + ".");
        }
        if (!enabled && actor.id().equals(name)) {
            accounts(ctx, 400, null, "An LMC officer cannot disable their own account (another LMC officer can).");
            return;
        }
        Account a = enabled ? ws().accounts().enable(name, actor, ctx.formParam("comment"))
                : ws().accounts().disable(name, actor, ctx.formParam("comment"));
        accounts(ctx, 200, "Account " + a.name() + (a.disabled() ? " disabled." : " enabled."), null);
    }
}
