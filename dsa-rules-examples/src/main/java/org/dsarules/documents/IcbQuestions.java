package org.dsarules.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dsarules.decision.Decision;
import org.dsarules.decision.TraceStep;

/**
 * The questions of the letter to the ICB: every distinct question once, numbered and grouped by theme,
 * and for each agreement the numbers it needs answered, with the questions the rules would add after a
 * given answer asked up front ("if the data is identifiable or pseudonymised, also 9 and 10"), so that
 * the ICB can answer everything in one reply. Built from the decisions' questions and their what-ifs only.
 */
final class IcbQuestions {

    record Question(int n, String text) {
    }

    record Theme(String title, List<Question> questions) {
    }

    /** Numbers asked only if an answer goes one way. */
    record Conditional(String condition, List<Integer> numbers) {
        String numbersText() {
            return IcbQuestions.numbers(numbers);
        }
    }

    /** One agreement of the letter: the questions it needs answered, and those asked if an answer goes one way. */
    record Asked(Item item, List<Integer> numbers, List<Conditional> conditionals) {
        String numbersText() {
            return (numbers.size() == 1 ? "question " : "questions ") + IcbQuestions.numbers(numbers);
        }
    }

    /** Themes in the order the letter asks them; a missing field's question goes under its field's theme. */
    private static final Map<String, List<String>> THEMES = new LinkedHashMap<>();

    static {
        THEMES.put("Any duty to share", List.of("legalRequirement", "legalRequirement.reference"));
        THEMES.put("What the data is used for and in what form", List.of("purposes", "identifiability"));
        THEMES.put("Who takes part, and in what role", List.of("status", "practiceRole", "parties", "role", "instructedBy",
                "directCareProvider", "commercialAccess"));
        THEMES.put("The legal basis", List.of("commonLawBasis", "article6Bases", "article9Conditions"));
        THEMES.put("Patients' opt-outs", List.of("nationalDataOptOutApplied", "type1OptOutApplied"));
        THEMES.put("The impact assessment", List.of("dpiaProvided"));
    }

    private static final String REQUESTS = "What we ask you to do";

    /**
     * A row's own question that repeats a missing field's question in other words: row 5 asks for the
     * instrument that {@code legalRequirement.reference} asks for, row 14 for the purposes that {@code purposes}
     * asks for. The letter asks such a question once (the decision's questions stay as the policy defines them).
     */
    private static final Map<String, String> ROW_REPEATS = Map.of("5", "legalRequirement.reference", "14", "purposes");

    private final List<Theme> themes;
    private final List<Asked> asked;

    IcbQuestions(List<Item> items) {
        Map<String, Map<String, Integer>> byTheme = new LinkedHashMap<>();
        THEMES.keySet().forEach(t -> byTheme.put(t, new LinkedHashMap<>()));
        byTheme.put(REQUESTS, new LinkedHashMap<>());
        // First pass: every text under its theme, in the order the agreements first ask it.
        List<List<String[]>> perItem = new ArrayList<>();
        List<List<List<String[]>>> conditionalPerItem = new ArrayList<>();
        for (Item i : items) {
            Decision d = i.decision();
            List<String[]> qs = new ArrayList<>();
            for (int k = 0; k < d.missing().size() && k < d.questionsForIcb().size(); k++) {
                qs.add(new String[] {theme(d.missing().get(k)), d.questionsForIcb().get(k)});
            }
            String repeats = ROW_REPEATS.get(decisiveRow(i));
            boolean skipRow = repeats != null && d.missing().contains(repeats);
            List<String> others = i.decided().otherQuestions();
            for (int k = 0; k < others.size(); k++) {
                if (k == 0 && skipRow) {
                    continue;
                }
                qs.add(new String[] {REQUESTS, others.get(k)});
            }
            perItem.add(qs);
            List<List<String[]>> conds = new ArrayList<>();
            for (WhatIf.Conditional c : i.decided().whatIf().conditionals()) {
                List<String[]> cq = new ArrayList<>();
                for (int k = 0; k < c.fields().size(); k++) {
                    cq.add(new String[] {theme(c.fields().get(k)), c.questions().get(k)});
                }
                conds.add(cq);
            }
            conditionalPerItem.add(conds);
            qs.forEach(q -> byTheme.get(q[0]).putIfAbsent(q[1], 0));
            conds.forEach(cq -> cq.forEach(q -> byTheme.get(q[0]).putIfAbsent(q[1], 0)));
        }
        // Number them in theme order.
        Map<String, Integer> number = new LinkedHashMap<>();
        List<Theme> ts = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Map<String, Integer>> t : byTheme.entrySet()) {
            List<Question> list = new ArrayList<>();
            for (String text : t.getValue().keySet()) {
                number.put(text, ++n);
                list.add(new Question(n, text));
            }
            if (!list.isEmpty()) {
                ts.add(new Theme(t.getKey(), list));
            }
        }
        this.themes = List.copyOf(ts);
        List<Asked> as = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            List<Integer> nums = perItem.get(k).stream().map(q -> number.get(q[1])).distinct().sorted().toList();
            List<Conditional> conds = new ArrayList<>();
            List<WhatIf.Conditional> wi = items.get(k).decided().whatIf().conditionals();
            for (int c = 0; c < wi.size(); c++) {
                List<Integer> cn = conditionalPerItem.get(k).get(c).stream().map(q -> number.get(q[1]))
                        .filter(x -> !nums.contains(x)).distinct().sorted().toList();
                if (!cn.isEmpty()) {
                    conds.add(new Conditional(wi.get(c).condition(), cn));
                }
            }
            as.add(new Asked(items.get(k), nums, List.copyOf(conds)));
        }
        this.asked = List.copyOf(as);
    }

    List<Theme> themes() {
        return themes;
    }

    List<Asked> agreements() {
        return asked;
    }

    boolean isEmpty() {
        return asked.isEmpty();
    }

    private static String theme(String field) {
        for (Map.Entry<String, List<String>> t : THEMES.entrySet()) {
            if (t.getValue().contains(field)) {
                return t.getKey();
            }
        }
        return REQUESTS;
    }

    private static String decisiveRow(Item i) {
        if (i.decided().rule() != null && i.decided().rule().policyRowText() != null) {
            return i.decided().rule().policyRowText();
        }
        Decision d = i.decision();
        return d.decisiveStepIfTraced().map(TraceStep::policyRow).orElse(null);
    }

    /** "3", "3 and 5", "1, 4 and 7". */
    static String numbers(List<Integer> ns) {
        List<String> s = ns.stream().map(String::valueOf).toList();
        if (s.size() <= 1) {
            return String.join("", s);
        }
        return String.join(", ", s.subList(0, s.size() - 1)) + " and " + s.get(s.size() - 1);
    }


    @Override
    public String toString() {
        return themes.stream().map(Theme::title).collect(Collectors.joining(", "));
    }
}
