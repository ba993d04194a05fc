package org.dsarules.documents;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.model.Agreement;
import org.dsarules.model.Status;
import org.dsarules.register.json.RegisterReader;

/** The sample register audited once for all report tests, and helpers to read documents back. */
final class ReportFixtures {
    static final Path SAMPLE = Path.of("samples/millbrook-register.json");
    static final LocalDate AS_OF = LocalDate.parse("2026-06-15");
    static final DsaRules RULES = DsaRules.defaults();

    record Audit(AuditResult result, Map<String, Agreement> byId) {
        Set<String> ids(Outcome o) {
            return result.decisions().stream().filter(d -> d.outcome() == o).map(Decision::dsaId)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        List<Decision> decisions(Outcome o) {
            return result.decisions().stream().filter(d -> d.outcome() == o).toList();
        }

        Set<String> existingIds() {
            return byId.values().stream().filter(a -> a.status() == Status.EXISTING).map(Agreement::id)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> allIds() {
            return result.decisions().stream().map(Decision::dsaId).collect(Collectors.toCollection(TreeSet::new));
        }

        /** Every rule id that fired for any agreement. */
        Set<String> ruleIds() {
            Set<String> rules = new TreeSet<>();
            result.decisions().forEach(d -> {
                rules.add(d.decisiveRule());
                d.trace().forEach(s -> rules.add(s.rule()));
            });
            return rules;
        }
    }

    private static Audit sample;

    static synchronized Audit sample() {
        if (sample == null) {
            sample = audit(SAMPLE);
        }
        return sample;
    }

    static Audit audit(Path register) {
        AuditResult result = RULES.audit(register, AS_OF);
        return new Audit(result, Reports.byId(RegisterReader.defaults().readAll(register)));
    }

    /** The ids among {@code candidates} that occur in {@code text} as whole tokens. */
    static Set<String> idsIn(String text, Set<String> candidates) {
        Set<String> found = new TreeSet<>();
        for (String id : candidates) {
            if (Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(id) + "(?![A-Za-z0-9-])").matcher(text).find()) {
                found.add(id);
            }
        }
        return found;
    }

    /** The text from the first line starting with {@code from} up to the first later line starting with {@code to}. */
    static String between(String text, String from, String to) {
        int a = text.indexOf("\n" + from);
        if (a < 0) {
            throw new AssertionError("no line starting '" + from + "' in:\n" + text);
        }
        int b = to == null ? -1 : text.indexOf("\n" + to, a + 1);
        return b < 0 ? text.substring(a) : text.substring(a, b);
    }

    /** The inner HTML of the element whose start tag contains {@code marker}, up to the next {@code </tag>}. */
    static String element(String html, String marker, String tag) {
        int a = html.indexOf(marker);
        if (a < 0) {
            throw new AssertionError("no " + marker);
        }
        int b = html.indexOf("</" + tag + ">", a);
        return html.substring(a, b);
    }

    /** Values of {@code attr="..."} in {@code html}. */
    static List<String> attributeValues(String html, String attr) {
        Matcher m = Pattern.compile(attr + "=\"([^\"]*)\"").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private ReportFixtures() {
    }
}
