package org.dsarules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dsarules.decision.Outcome;

/**
 * Every rule of a knowledge base with what an author or auditor wants to know about it: its file and
 * line, its policy row, red flag and citations, and the dates between which it can fire.
 *
 * <p>The dates are read from the idiom the authoring guide prescribes for dated policies: a rule
 * that inserts {@code new Campaign("NAME", LocalDate.parse("YYYY-MM-DD"), true, ...)} declares that
 * NAME starts on that day; a rule that tests {@code Campaign( policy == "NAME", inForce )} is in
 * force from it, and one that tests {@code inForce == false} only before it.
 */
public final class RuleCatalogue {

    /** One rule. Absent values are null. */
    public record Entry(String name, String file, int line, String policyRow, String redFlag, List<String> citations,
            LocalDate from, LocalDate until, String policy, Outcome proposes, String conditions) {
    }

    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(?:\"([^\"]+)\"|(\\S+))");
    private static final Pattern DECLARES = Pattern.compile(
            "new\\s+Campaign\\(\\s*\"([^\"]+)\"\\s*,\\s*LocalDate\\.parse\\(\\s*\"(\\d{4}-\\d{2}-\\d{2})\"\\s*\\)\\s*,\\s*true");
    private static final Pattern REQUIRES = Pattern.compile(
            "Campaign\\(\\s*policy\\s*==\\s*\"([^\"]+)\"\\s*,\\s*(inForce\\s*==\\s*false|!\\s*inForce|inForce)\\s*\\)");

    private static final Pattern AS_OF = Pattern.compile(
            "AsOf\\(\\s*(!?)\\s*isOnOrAfter\\(\\s*\"(\\d{4}-\\d{2}-\\d{2})\"\\s*\\)\\s*(==\\s*false)?\\s*\\)");

    private static final Pattern PROPOSES = Pattern.compile("Proposal\\.(?:of\\(\\s*Outcome\\.(\\w+)|(ask)\\()");
    private static final Pattern WHEN_THEN = Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b");

    private RuleCatalogue() {
    }

    /** The catalogue of {@code kb}, sorted by file, then position in the file. */
    public static List<Entry> of(KnowledgeBase kb) {
        Map<String, LocalDate> starts = new HashMap<>();
        Map<String, Body> bodies = new HashMap<>();
        for (RuleSource s : kb.sources()) {
            Matcher m = RULE.matcher(s.text());
            List<int[]> spans = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                spans.add(new int[] {m.start()});
                names.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            for (int i = 0; i < names.size(); i++) {
                int start = spans.get(i)[0];
                int end = i + 1 < names.size() ? spans.get(i + 1)[0] : s.text().length();
                String body = s.text().substring(start, end);
                bodies.putIfAbsent(names.get(i), new Body(s.name(), lineOf(s.text(), start), body));
                Matcher d = DECLARES.matcher(body);
                while (d.find()) {
                    starts.put(d.group(1), LocalDate.parse(d.group(2)));
                }
            }
        }
        List<Entry> out = new ArrayList<>();
        for (RuleInfo r : kb.rules().values()) {
            Body b = bodies.get(r.name());
            LocalDate from = null;
            LocalDate until = null;
            String policy = null;
            if (b != null) {
                Matcher q = REQUIRES.matcher(b.text);
                Matcher asOf = AS_OF.matcher(b.text);
                if (asOf.find()) {
                    LocalDate day = LocalDate.parse(asOf.group(2));
                    boolean negated = !asOf.group(1).isEmpty() || asOf.group(3) != null;
                    from = negated ? null : day;
                    until = negated ? day.minusDays(1) : null;
                    policy = null;
                }
                if (q.find()) {
                    policy = q.group(1);
                    LocalDate start = starts.get(policy);
                    if (start != null) {
                        if (q.group(2).equals("inForce")) {
                            from = start;
                        } else {
                            until = start.minusDays(1);
                        }
                    }
                }
            }
            Outcome proposes = null;
            String conditions = null;
            if (b != null) {
                Matcher p = PROPOSES.matcher(b.text);
                if (p.find()) {
                    proposes = p.group(2) != null ? Outcome.ASK_ICB_FOR_INFORMATION : Outcome.valueOf(p.group(1));
                }
                Matcher w = WHEN_THEN.matcher(b.text);
                if (w.find()) {
                    conditions = w.group(1).lines().map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("//")).collect(Collectors.joining(" "));
                }
            }
            out.add(new Entry(r.name(), b == null ? null : b.file, b == null ? 0 : b.line, r.policyRowText(),
                    r.redFlag(), r.citations(), from, until, policy, proposes, conditions));
        }
        out.sort(Comparator.comparing((Entry e) -> e.file() == null ? "" : e.file()).thenComparingInt(Entry::line)
                .thenComparing(Entry::name));
        return out;
    }

    private record Body(String file, int line, String text) {
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
