package org.dsarules.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.dsarules.DsaRules;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.Actor;
import org.dsarules.workspace.Registers;
import org.dsarules.workspace.Workspace;
import org.dsarules.workspace.web.WorkspaceServer;

/**
 * The workspace's two budgets (issue 31): the register page of a register rendered over HTTP (the first
 * time, when the version is decided, and again), and an edit saved and decided again. Run by
 * bench/workspace.sh; never by the tests. Arguments: REGISTER DATA-DIR ROUNDS.
 */
public final class WorkspaceBench {
    public static void main(String[] args) throws Exception {
        Path register = Path.of(args[0]);
        Path data = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        try (DsaRules rules = DsaRules.defaults(); Workspace ws = Workspace.open(data, rules)) {
            Registers.ImportReport r = ws.importRegister(Files.readAllBytes(register), RegisterFiles.Format.of(register),
                    register.getFileName().toString(), null, Actor.LOCAL, "bench");
            String ods = r.odsCode();
            System.out.println("register: " + r.read() + " agreement(s) read of " + r.records());
            try (WorkspaceServer server = WorkspaceServer.start(ws, 0)) {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                HttpResponse<String> open = http.send(HttpRequest.newBuilder(URI.create(server.address())).build(),
                        HttpResponse.BodyHandlers.ofString());
                String cookie = open.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
                HttpRequest page = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/practices/" + ods + "/register"))
                        .header("Cookie", cookie).build();
                List<Double> pages = new ArrayList<>();
                for (int i = 0; i < rounds + 1; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> p = http.send(page, HttpResponse.BodyHandlers.ofString());
                    pages.add((System.nanoTime() - s) / 1e6);
                    if (p.statusCode() != 200) {
                        throw new IllegalStateException("register page: " + p.statusCode());
                    }
                }
                System.out.printf("register page, first (decides the version): %.1f ms%n", pages.get(0));
                System.out.printf("register page, again: median %.1f ms of %d%n", median(pages.subList(1, pages.size())), rounds);

                String id = ws.current(ods, ws.today()).rows().get(0).dsaId();
                List<Double> edits = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    int revision = ws.current(ods, ws.today()).row(id).revision();
                    long s = System.nanoTime();
                    Registers.EditResult e = ws.edit(ods, id, revision, Map.of("notes", "bench round " + i), Actor.LOCAL, null, ws.today());
                    edits.add((System.nanoTime() - s) / 1e6);
                    if (!(e instanceof Registers.Saved)) {
                        throw new IllegalStateException("edit not saved: " + e);
                    }
                }
                System.out.printf("edit saved and decided again: median %.1f ms of %d%n", median(edits), rounds);
            }
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
