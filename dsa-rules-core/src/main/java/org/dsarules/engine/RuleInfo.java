package org.dsarules.engine;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.model.Status;
import org.kie.api.definition.rule.Rule;

/**
 * A rule's metadata, read once. Each value is a single quoted string in the DRL:
 * {@code @citation("A | B")}, {@code @policyRow("10")}, {@code @redFlag("RF-…")}.
 *
 * @param name      the rule's stable id
 * @param citations the {@code @citation} value split on {@code |}; empty when absent
 * @param policyRow the {@code @policyRow} precedence (a decimal, so a local rule can sit between two
 *                  rows: {@code 8.5}); null on a rule that proposes nothing
 * @param redFlag   the {@code @redFlag} id, or null
 * @param nextSteps the {@code @nextSteps} value split on {@code |}, each step's marker ({@code [notice]}) removed:
 *                  the actions that follow when this rule decides
 * @param rank      the rule's position in the rule files (sorted by file name, then in the file): breaks
 *                  ties between proposals of the same row the same way however the rules were compiled
 * @param metadata  every metadata value the rule declares, by key, as text (quotes stripped), sorted by key:
 *                  the keys above and any other, such as {@code patientReason}
 */
public record RuleInfo(String name, String packageName, List<String> citations, BigDecimal policyRow, String redFlag,
        int rank, List<String> nextSteps, Map<String, String> metadata) {

    public static final String CITATION = "citation";
    public static final String POLICY_ROW = "policyRow";
    public static final String RED_FLAG = "redFlag";
    public static final String NEXT_STEPS = "nextSteps";
    /** One plain sentence, in the practice's voice, that tells a patient why this rule decided as it did. */
    public static final String PATIENT_REASON = "patientReason";
    /** {@link #NEXT_STEPS} for an agreement whose status is {@code NEW_REQUEST}: sign, do not sign, or wait. */
    public static final String NEXT_STEPS_FOR_REQUEST = "nextStepsForRequest";
    /** {@link #PATIENT_REASON} for an agreement whose status is {@code NEW_REQUEST}. */
    public static final String PATIENT_REASON_FOR_REQUEST = "patientReasonForRequest";
    /** On a rule that raises a red flag: what the flag means, for the practice (a phrase, lower case). */
    public static final String PRACTICE_MEANING = "practiceMeaning";
    /** On a rule that raises a red flag: what the flag means, for patients (no codes, no legal references). */
    public static final String PATIENT_MEANING = "patientMeaning";
    /** On a rule that raises a red flag: what the practice asks the ICB to do about it (one sentence). */
    public static final String ICB_ASK = "icbAsk";
    /** The marker of a step that gives written notice to end an agreement: documents add when notice is given. */
    public static final String NOTICE_STEP = "notice";
    /** The marker of a step to review the agreement at its review date: documents name the date. */
    public static final String REVIEW_STEP = "review";

    /**
     * One next step: its words and the kind of action it is, from a marker in front of the words in the
     * metadata ({@code "[notice] Give the recipient written notice ..."}), or null for a plain step.
     * Documents recognise a step by its kind, never by its words.
     */
    public record Step(String kind, String text) {
    }

    private static final Pattern MARKER = Pattern.compile("^\\[([A-Za-z][A-Za-z-]*)]\\s*(.*)$", Pattern.DOTALL);

    public RuleInfo {
        citations = List.copyOf(citations);
        nextSteps = List.copyOf(nextSteps);
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    static RuleInfo of(Rule rule, int rank) {
        Map<String, String> meta = new TreeMap<>();
        rule.getMetaData().forEach((k, v) -> {
            String s = text(v);
            if (s != null) {
                meta.put(k, s);
            }
        });
        String row = meta.get(POLICY_ROW);
        return new RuleInfo(rule.getName(), rule.getPackageName(), split(meta.get(CITATION)),
                row == null ? null : parseRow(rule.getName(), row),
                meta.get(RED_FLAG), rank, texts(steps(meta.get(NEXT_STEPS))), meta);
    }

    /**
     * The next steps that follow when this rule decides for an agreement of {@code status}: its
     * {@code @nextStepsForRequest} for a {@code NEW_REQUEST} when it declares one, else its {@code @nextSteps}.
     */
    public List<Step> steps(Status status) {
        String forRequest = status == Status.NEW_REQUEST ? metadata.get(NEXT_STEPS_FOR_REQUEST) : null;
        return steps(forRequest != null ? forRequest : metadata.get(NEXT_STEPS));
    }

    /** The words of {@link #steps(Status)}, markers removed: what a decision for that status carries. */
    public List<String> nextSteps(Status status) {
        return texts(steps(status));
    }

    /** The sentence for patients for an agreement of {@code status} ({@code @patientReasonForRequest} for a request), or null. */
    public String patientReason(Status status) {
        String forRequest = status == Status.NEW_REQUEST ? metadata.get(PATIENT_REASON_FOR_REQUEST) : null;
        return forRequest != null ? forRequest : metadata.get(PATIENT_REASON);
    }

    private static List<Step> steps(String value) {
        return split(value).stream().map(x -> {
            Matcher m = MARKER.matcher(x);
            return m.matches() ? new Step(m.group(1), m.group(2).strip()) : new Step(null, x);
        }).toList();
    }

    private static List<String> texts(List<Step> steps) {
        return steps.stream().map(Step::text).toList();
    }

    /** The value of metadata {@code key} as the rule declares it (quotes stripped), or null when it has none. */
    public String meta(String key) {
        return metadata.get(key);
    }

    private static List<String> split(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The row as written, e.g. {@code 10} or {@code 8.5}. */
    public String policyRowText() {
        return policyRow == null ? null : policyRow.toPlainString();
    }

    private static BigDecimal parseRow(String rule, String row) {
        try {
            return new BigDecimal(row);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rule \"" + rule + "\": @policyRow(\"" + row
                    + "\") is not a number; write the row as in decision-policy.md, e.g. @policyRow(\"10\") or \"8.5\"");
        }
    }

    /**
     * A metadata value as text. A precompiled knowledge base gives {@code A | B}; one compiled at run time
     * keeps the quotes ({@code "A | B"}): strip them here, once, so both agree.
     */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
    }
}
