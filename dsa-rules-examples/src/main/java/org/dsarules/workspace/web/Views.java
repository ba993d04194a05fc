package org.dsarules.workspace.web;

import java.util.List;
import java.util.Map;
import org.dsarules.decision.Outcome;
import org.dsarules.workspace.FactForm;
import org.dsarules.workspace.Registers;

/** What each page's template is given: values only, every one escaped by the template engine. */
public final class Views {
    private Views() {
    }

    /**
     * What every page has: its title, the session's CSRF token, the practice it is about (or null), the htmx
     * script, who is signed in (or null), whether they see the LMC's pages, and whether they signed in with
     * an account (and so can sign out).
     */
    public record Page(String title, String csrf, String odsCode, String htmx, String who, boolean lmc, boolean account) {
    }

    /** The sign-in form: its own CSRF token (double-submitted with a cookie, as there is no session yet). */
    public record SignInPage(Page page, String signInCsrf, String message, String name) {
    }

    public record AccountsPage(Page page, List<org.dsarules.workspace.accounts.Account> accounts,
            List<org.dsarules.workspace.accounts.Accounts.Attempt> attempts, String message, String error) {
    }

    /**
     * The programmes across practices, with the LMC's newest advice on each (by programme key), and the agreements
     * that name no programme (each its practice's own).
     */
    public record ProgrammesPage(Page page, java.time.LocalDate asOf, List<String> practices,
            List<org.dsarules.workspace.Programmes.Programme> programmes,
            Map<String, org.dsarules.workspace.SystemRound.Advice> advice,
            List<org.dsarules.workspace.Programmes.Member> unkeyed) {
    }

    public record ImportsPage(Page page, List<Registers.PracticeInfo> practices, List<org.dsarules.workspace.Workspace.ImportInfo> imports) {
    }

    /** A practice on the dashboard: its counts and what is due next. */
    public record Card(Registers.PracticeInfo info, Map<Outcome, Integer> counts, int redFlagged, int errors, List<String> due) {
    }

    public record Dashboard(Page page, List<Card> cards) {
    }

    /** The register table with the filters chosen (blank: all) and the values each filter offers. */
    public record RegisterTable(Page page, Registers.Audited audited, List<Registers.Row> rows, String outcome, String flag,
            String programme, String status, String sort, List<String> flags, List<String> programmes) {
    }

    /** An agreement, with the LMC's advice on its programme (null when none). */
    public record AgreementPage(Page page, Registers.Row row, List<String> whyNot, List<Registers.Change> history,
            int version, org.dsarules.workspace.SystemRound.Advice advice) {
    }

    /** The edit form: the cells shown, how many party slots, and what the last save said (nulls when nothing). */
    public record EditPage(Page page, Registers.Row row, Map<String, String> cells, int parties, String errorField,
            String error, Registers.Conflict conflict, List<FactForm.Section> sections, List<FactForm.Question> party) {
        public String cell(String path) {
            return cells.getOrDefault(path, "");
        }

        public boolean has(String path, String value) {
            return FactForm.Question.listValues(cells.get(path)).contains(value);
        }
    }

    public record ImportPage(Page page, List<Registers.PracticeInfo> practices, Registers.ImportReport report, String error) {
    }

    public record DiffPage(Page page, List<Registers.VersionInfo> versions, int from, int to, List<Registers.OutcomeChange> changes) {
    }

    public record Message(Page page, int status, String message) {
    }

    /** An outcome in the words a practice manager acts on. */
    public static String outcome(Outcome o) {
        if (o == null) {
            return "not in this version";
        }
        return switch (o) {
            case KEEP -> "Keep";
            case WITHDRAW -> "Withdraw";
            case REFER_TO_BMA -> "Refer to the BMA";
            case ASK_ICB_FOR_INFORMATION -> "Ask the ICB";
        };
    }

    /** The CSS class of an outcome (its colour on screen, a word in print). */
    public static String css(Outcome o) {
        return o == null ? "none" : o.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static String words(String enumValue) {
        return enumValue == null ? "" : FactForm.words(enumValue);
    }
}
