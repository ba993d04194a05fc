package org.dsarules.round.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dsarules.model.LmcAdvice;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.Programmes;
import org.dsarules.round.Questionnaire;
import org.dsarules.round.SystemAudit;

/**
 * The LMC's letter to the ICB for the whole system: the practices it writes for, the questions asked
 * once per programme (the ICB answers them once in the attached system questionnaire, and the answer
 * is applied to every practice's register), the questions whose answer may differ between practices,
 * the LMC's advice per programme, and the programmes whose outcomes differ between practices, with
 * the facts that differ. Markdown or plain text; square-bracketed placeholders for the LMC to fill in.
 */
public final class SystemLetter {
    private SystemLetter() {
    }

    public static String markdown(SystemAudit system) {
        return write(system, Prose.Form.MARKDOWN);
    }

    public static String text(SystemAudit system) {
        return write(system, Prose.Form.TEXT);
    }

    private static String write(SystemAudit s, Prose.Form form) {
        Prose p = new Prose(form);
        Set<String> icbs = new LinkedHashSet<>();
        List<String> practices = new ArrayList<>();
        for (AuditedRegister r : s.registers()) {
            if (r.practice() != null && r.practice().icb() != null && !r.practice().icb().isBlank()) {
                icbs.add(r.practice().icb().strip());
            }
            String name = r.practice() != null && r.practice().name() != null ? r.practice().name() : r.name();
            practices.add(p.v(name) + (r.odsCode() != null ? " (" + p.v(r.odsCode()) + ")" : ""));
        }
        String icb = icbs.size() == 1 ? p.v(icbs.iterator().next()) : "[ICB NAME]";
        p.lines(List.of(p.bold("[LMC NAME]") + ", Local Medical Committee", "[LMC ADDRESS]"));
        p.para("[DATE]");
        p.lines(List.of("To: [ICB CONTACT NAME], " + icb, "[ICB ADDRESS OR EMAIL]"));
        p.title("Data sharing agreements across our practices: one set of questions for the system");
        p.para("Dear [ICB CONTACT NAME],");
        p.para("We write for the " + s.registers().size() + " practices below, which have audited the data sharing "
                + "agreements on their registers during the GP collective action. Many of those agreements are the same "
                + "programme held by several practices. So that you can answer once for the system rather than practice "
                + "by practice, we attach one questionnaire: a row per programme for the facts of the agreement itself, and "
                + "a row per practice only where the answer may differ between practices. Please fill in its answer "
                + "column and return it; each answer will be recorded in every practice's register that holds the programme.");
        p.bullets(practices);

        List<Questionnaire.Row> rows = Questionnaire.ofSystem(s.registers());
        Map<String, List<Questionnaire.Row>> byProgramme = new LinkedHashMap<>();
        Map<String, List<Questionnaire.Row>> byPractice = new LinkedHashMap<>();
        for (Questionnaire.Row r : rows) {
            if (r.practice() == null && r.agreementId() == null) {
                byProgramme.computeIfAbsent(r.programme(), k -> new ArrayList<>()).add(r);
            } else {
                byPractice.computeIfAbsent(r.practice() == null ? "" : r.practice(), k -> new ArrayList<>()).add(r);
            }
        }
        p.heading("1. Questions on each programme, to answer once");
        if (byProgramme.isEmpty()) {
            p.para("There are none at present.");
        }
        for (Map.Entry<String, List<Questionnaire.Row>> e : byProgramme.entrySet()) {
            SystemAudit.Programme programme = programme(s, e.getKey());
            p.subheading(p.v(e.getKey()) + (programme != null ? " (held by " + programme.practices().size() + " of our practices)" : ""));
            p.bullets(e.getValue().stream().map(r -> p.v(r.question())).distinct().toList());
        }
        p.heading("2. Questions whose answer may differ between practices");
        if (byPractice.isEmpty()) {
            p.para("There are none at present.");
        }
        for (Map.Entry<String, List<Questionnaire.Row>> e : byPractice.entrySet()) {
            p.subheading("Practice " + (e.getKey().isEmpty() ? "[ODS CODE]" : p.v(e.getKey())));
            p.bullets(e.getValue().stream().map(r -> p.v(r.agreementId()) + (r.title() != null ? " (" + p.v(r.title()) + ")" : "")
                    + ": " + p.v(r.question())).toList());
        }
        p.heading("3. The LMC's advice");
        List<String> advice = new ArrayList<>();
        for (SystemAudit.Programme programme : s.programmes()) {
            Set<LmcAdvice> given = new LinkedHashSet<>();
            programme.holdings().forEach(h -> {
                if (h.agreement().lmcAdvice() != null && h.agreement().lmcAdvice() != LmcAdvice.NONE) {
                    given.add(h.agreement().lmcAdvice());
                }
            });
            if (given.size() == 1) {
                LmcAdvice a = given.iterator().next();
                advice.add(p.v(programme.label()) + ": " + (a == LmcAdvice.KEEP ? "necessary to keep" : "withdraw"));
            }
        }
        if (advice.isEmpty()) {
            p.para("The LMC has not yet advised on any programme.");
        } else {
            p.para("Having reviewed them, the LMC has advised its practices as follows:");
            p.bullets(advice);
        }
        p.heading("4. Where our practices' agreements for one programme differ");
        List<SystemAudit.Programme> differ = s.shared().stream().filter(SystemAudit.Programme::outcomesDiffer).toList();
        if (differ.isEmpty()) {
            p.para("Every programme held by several practices has the same outcome in each.");
        } else {
            p.para("For these programmes the practices' registers record different facts, so the same programme has "
                    + "different outcomes. Please tell us which facts are right:");
            for (SystemAudit.Programme programme : differ) {
                p.subheading(p.v(programme.label()));
                List<String> items = new ArrayList<>();
                for (SystemAudit.Difference d : programme.differences()) {
                    List<String> parts = new ArrayList<>();
                    for (int i = 0; i < programme.holdings().size(); i++) {
                        String v = d.values().get(i);
                        parts.add(p.v(programme.holdings().get(i).practice()) + ": " + (v == null ? "not known" : p.v(v)));
                    }
                    items.add(p.v(d.field()) + " (" + String.join("; ", parts) + ")");
                }
                p.bullets(items);
            }
        }
        p.para("Please send your reply, with the questionnaire's answer column filled in, to [LMC EMAIL ADDRESS].");
        p.para("Yours sincerely,");
        p.lines(List.of("[NAME]", "[ROLE], [LMC NAME] Local Medical Committee"));
        return p.toString();
    }

    private static SystemAudit.Programme programme(SystemAudit s, String text) {
        String key = Programmes.normalise(text);
        for (SystemAudit.Programme p : s.programmes()) {
            if (p.key() != null && p.key().equals(key)) {
                return p;
            }
        }
        return null;
    }
}
