package org.dsarules.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dsarules.decision.Decision;
import org.dsarules.decision.TraceStep;
import org.dsarules.engine.KnowledgeBase;
import org.dsarules.engine.RuleIndex;
import org.dsarules.engine.RuleInfo;

/**
 * A red flag's words, from the rule that raised it: its {@code @practiceMeaning}, {@code @patientMeaning} and
 * {@code @icbAsk} metadata, falling back to that rule's own explanation (never to another rule's words), and
 * its basis as the rule raises it ({@code Basis.ADVISORY} informs, it never decides). The policy's words
 * live in the rules; this class only finds them.
 */
public final class FlagWords {

    /** One red flag of a decision, in words. */
    public record Flag(String id, String rule, String practice, String patient, String icbAsk, boolean advisory) {
    }

    /** No rules: a flag is shown by its id, and in the words of the trace when it was kept. */
    public static final FlagWords NONE = new FlagWords(Map.of(), Map.of());

    private static final Map<KnowledgeBase, FlagWords> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Pattern RAISE = Pattern.compile(
            "new\\s+RaisedFlag\\s*\\(\\s*\"([^\"]+)\"\\s*,\\s*Basis\\s*\\.\\s*([A-Z_]+)\\s*(?:,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\))?");

    /** For each flag id, the rules that raise it, in rank order. */
    private final Map<String, List<RuleInfo>> raisers;
    /** For each rule that raises a flag: the basis and the explanation written as one literal, when it is. */
    private final Map<String, String[]> raised;

    private FlagWords(Map<String, List<RuleInfo>> raisers, Map<String, String[]> raised) {
        this.raisers = raisers;
        this.raised = raised;
    }

    /**
     * The words of the default rules' flags: for documents made without the rules of their audit (the
     * {@code Reports} methods that take no rules), which can then show only the default rules' words.
     */
    public static FlagWords defaults() {
        return Defaults.WORDS;
    }

    private static final class Defaults {
        static final FlagWords WORDS = read(org.dsarules.DsaRules.defaults().knowledgeBase());
    }

    /** The words of {@code kb}'s red flags, read once per knowledge base. */
    public static FlagWords of(KnowledgeBase kb) {
        if (kb == null) {
            return NONE;
        }
        return CACHE.computeIfAbsent(kb, FlagWords::read);
    }

    private static FlagWords read(KnowledgeBase kb) {
        Map<String, List<RuleInfo>> raisers = new LinkedHashMap<>();
        Map<String, String[]> raised = new LinkedHashMap<>();
        RuleIndex index = kb.index();
        for (RuleIndex.IndexedRule r : index.rules()) {
            RuleInfo info = kb.rules().get(r.name());
            if (info == null) {
                continue;
            }
            Matcher m = RAISE.matcher(r.consequence() == null ? "" : r.consequence());
            String flag = info.redFlag();
            if (m.find()) {
                flag = flag == null ? m.group(1) : flag;
                raised.put(r.name(), new String[] {m.group(2), m.group(3)});
            }
            if (flag != null) {
                raisers.computeIfAbsent(flag, k -> new ArrayList<>()).add(info);
            }
        }
        return new FlagWords(raisers, raised);
    }

    /** Every flag of {@code d}, in its order, each in the words of the rule that raised it. */
    public List<Flag> flags(Decision d) {
        return d.redFlags().stream().map(id -> flag(id, d)).toList();
    }

    /**
     * One flag of {@code d}: the rule that raised it is one that fired for this decision (the trace), else the
     * first rule that declares it. Its words are its metadata, else its own explanation, else its id.
     */
    public Flag flag(String id, Decision d) {
        List<RuleInfo> rules = raisers.getOrDefault(id, List.of());
        Set<String> fired = d.trace().stream().map(TraceStep::rule).collect(Collectors.toSet());
        RuleInfo rule = rules.stream().filter(r -> fired.contains(r.name())).findFirst()
                .orElse(rules.isEmpty() ? null : rules.get(0));
        String explanation = explanation(rule, d);
        String practice = meta(rule, RuleInfo.PRACTICE_MEANING, explanation);
        String patient = meta(rule, RuleInfo.PATIENT_MEANING, explanation);
        String ask = meta(rule, RuleInfo.ICB_ASK, null);
        if (ask == null && explanation != null) {
            ask = "Please have the agreement corrected so that it no longer raises this concern: " + explanation;
        }
        String[] how = rule == null ? null : raised.get(rule.name());
        boolean advisory = how != null && "ADVISORY".equals(how[0]);
        return new Flag(id, rule == null ? null : rule.name(), practice, patient, ask, advisory);
    }

    /** The raising rule's explanation: as it fired for this decision (the trace), else as the rule writes it. */
    private String explanation(RuleInfo rule, Decision d) {
        if (rule == null) {
            return null;
        }
        for (TraceStep s : d.trace()) {
            if (s.rule().equals(rule.name()) && s.explanation() != null && !s.explanation().isBlank()) {
                return s.explanation();
            }
        }
        String[] how = raised.get(rule.name());
        return how == null || how[1] == null ? null : how[1].replace("\\\"", "\"");
    }

    private static String meta(RuleInfo rule, String key, String fallback) {
        String v = rule == null ? null : rule.meta(key);
        return v != null ? v : fallback;
    }

    /** A flag's words for the practice, or its id when nothing is known of it. */
    static String practice(Flag f) {
        return f.practice() != null ? f.practice() : f.id();
    }

    /** A flag's words for patients; a flag with no words at all is "a concern we found when we checked it". */
    static String patient(Flag f) {
        return f.patient() != null ? f.patient() : "it raised a concern when we checked it";
    }
}
