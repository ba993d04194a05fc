package org.dsarules.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.Article9Condition;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyRole;
import org.dsarules.model.PracticeRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;
import org.dsarules.register.Fields;

/**
 * The answers the ICB could give to each missing fact (possible answers, tried by {@link WhatIf}; not the
 * answers it gave, which {@code round.Answers} applies to a register), by the policy's names for missing facts
 * ({@code record-format.md}: {@code status}, {@code identifiability}, {@code role}, ...), each with the
 * agreement as it would then read and the condition in words. {@link WhatIf} decides each one again.
 *
 * <p>Every value the format allows is tried, so what {@link WhatIf} reports is exact. Two kinds of
 * field have no finite set of values, and take one stand-in: a named instrument ({@code
 * legalRequirement.reference}, and the reference of a duty of each kind), and the party a processor is
 * instructed by (the practice, or each controller the agreement names). {@code parties} itself (no
 * organisation named at all) is not tried: there is no sensible stand-in for a whole list of parties.
 *
 * <p>The values come from the register's field catalogue ({@link Fields}), and each answer is written
 * in with its setter, as an answered questionnaire would be; this class adds only which paths a missing
 * fact of the policy stands for and the condition in words.
 */
final class PossibleAnswers {
    private PossibleAnswers() {
    }

    /** One answer: the condition it makes true, in words, and the agreement with that answer written in. */
    record Answer(String condition, Agreement agreement) {
    }

    /** The reference a stand-in duty names: only its presence matters to the rules. */
    static final String NAMED = "(named in the ICB's reply)";

    private static final Set<Purpose> SECONDARY = EnumSet.complementOf(EnumSet.of(Purpose.DIRECT_CARE));

    static List<Answer> forMissing(String field, Agreement a) {
        List<Answer> out = new ArrayList<>();
        switch (field) {
            case "status" -> values("status").forEach(v -> out.add(set(a, "status", v,
                    v.equals(Status.EXISTING.name()) ? "it is an agreement the practice has signed" : "it is a new request")));
            case "practiceRole" -> values("practiceRole").forEach(v -> out.add(set(a, "practiceRole", v,
                    "the agreement makes the practice " + article(Plain.enumWords(PracticeRole.valueOf(v))))));
            case "role" -> values("parties[N].role").forEach(v -> out.add(setParties(a, "role", v,
                    p -> p.role() == null, "each organisation without a stated role is "
                            + article(Plain.role(PartyRole.valueOf(v))))));
            case "instructedBy" -> {
                List<String> instructors = new ArrayList<>();
                instructors.add(Party.PRACTICE);
                a.partyList().stream().filter(p -> p.role() == PartyRole.CONTROLLER || p.role() == PartyRole.JOINT_CONTROLLER)
                        .map(Party::name).forEach(instructors::add);
                for (String by : instructors) {
                    String who = by.equals(Party.PRACTICE) ? "the practice" : Plain.line(by).strip();
                    out.add(setParties(a, "instructedBy", by, p -> p.isProcessor() && !p.isInstructedByKnown(),
                            "the processors act on the instructions of " + who));
                }
            }
            case "directCareProvider" -> values("parties[N].directCareProvider").forEach(v -> out.add(setParties(a,
                    "directCareProvider", v, p -> p.isSharingParty() && !p.isRecordOperator() && p.directCareProvider() == null,
                    v.equals("true") ? "every organisation receiving the data provides direct care"
                            : "an organisation receiving the data does not provide direct care")));
            case "legalRequirement" -> {
                for (String v : values("legalRequirement.kind")) {
                    RequirementKind k = RequirementKind.valueOf(v);
                    Answer kind = set(a, "legalRequirement.kind", v, k == RequirementKind.NONE
                            ? "no law or contract requires this sharing" : "a named " + Plain.requirementKind(k) + " requires it");
                    // A duty of any kind but NONE is evidence only with its instrument named (decision-policy.md).
                    out.add(k == RequirementKind.NONE ? kind
                            : set(kind.agreement(), "legalRequirement.reference", NAMED, kind.condition()));
                }
            }
            case "legalRequirement.reference" -> out.add(set(a, "legalRequirement.reference", NAMED,
                    "the instrument that requires the sharing is named"));
            case "purposes" -> values("purposes").forEach(v -> out.add(set(a, "purposes", v,
                    v.equals(Purpose.DIRECT_CARE.name()) ? "the data is used only for direct care"
                            : "the data is used for " + Plain.purpose(Purpose.valueOf(v)))));
            case "identifiability" -> values("identifiability").forEach(v -> out.add(set(a, "identifiability", v,
                    "the data is " + Plain.identifiability(Identifiability.valueOf(v)))));
            case "commonLawBasis" -> values("commonLawBasis").forEach(v -> out.add(set(a, "commonLawBasis", v,
                    "the common-law basis is " + Plain.commonLaw(CommonLawBasis.valueOf(v)))));
            case "commercialAccess" -> values("commercialAccess").forEach(v -> out.add(set(a, "commercialAccess", v,
                    v.equals("true") ? "a commercial organisation can access the data" : "no commercial organisation can access the data")));
            case "article6Bases" -> {
                out.add(set(a, "article6Bases", EMPTY_LIST, "the agreement states no Article 6 lawful basis"));
                values("article6Bases").forEach(v -> out.add(set(a, "article6Bases", v,
                        "it states Article 6(1)(" + v.toLowerCase(Locale.ROOT) + ")")));
            }
            case "article9Conditions" -> {
                out.add(set(a, "article9Conditions", EMPTY_LIST, "the agreement states no Article 9 condition"));
                values("article9Conditions").forEach(v -> out.add(set(a, "article9Conditions", v,
                        "it states Article 9(2)(" + v.toLowerCase(Locale.ROOT) + ")")));
            }
            case "nationalDataOptOutApplied" -> values(field).forEach(v -> out.add(set(a, field, v,
                    "national data opt-outs are " + (v.equals("true") ? "honoured" : "not honoured"))));
            case "type1OptOutApplied" -> values(field).forEach(v -> out.add(set(a, field, v,
                    "Type 1 opt-outs are " + (v.equals("true") ? "honoured" : "not honoured"))));
            // A DPIA known not to be provided is missing too (the policy asks for it): only "provided" changes anything.
            case "dpiaProvided" -> out.add(set(a, field, "true", "the data protection impact assessment is provided"));
            default -> {
                // parties (none named) and any field a local rule reports: no answers to try.
            }
        }
        return out;
    }

    /** The cell that is the empty list ({@code record-format.md}: {@code []} alone in a list cell). */
    private static final String EMPTY_LIST = "[]";

    /** The values the register's field catalogue allows for {@code path}. */
    private static List<String> values(String path) {
        return Fields.field(path).map(Fields.Field::values).orElse(List.of());
    }

    private static Answer set(Agreement a, String path, String cell, String condition) {
        return new Answer(condition, Fields.set(a, path, cell));
    }

    /** Sets {@code parties[i].field} on every party that {@code which} selects. */
    private static Answer setParties(Agreement a, String field, String cell, Predicate<Party> which, String condition) {
        Agreement changed = a;
        for (int i = 0; i < a.partyList().size(); i++) {
            if (which.test(a.partyList().get(i))) {
                changed = Fields.set(changed, "parties[" + i + "]." + field, cell);
            }
        }
        return new Answer(condition, changed);
    }

    /**
     * Several conditions on one field that lead to the same place, joined: "the data is identifiable or
     * pseudonymised"; every purpose beyond direct care becomes "the data is used for any purpose beyond direct care".
     */
    static String either(String field, List<String> conditions) {
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        if (field.equals("purposes") && conditions.size() == SECONDARY.size()
                && !conditions.contains("the data is used only for direct care")) {
            return "the data is used for any purpose beyond direct care";
        }
        if (field.equals("article6Bases") && conditions.size() == Article6Basis.values().length) {
            return "it states an Article 6 lawful basis";
        }
        if (field.equals("article9Conditions") && conditions.size() == Article9Condition.values().length) {
            return "it states an Article 9 condition";
        }
        if (field.equals("legalRequirement") && conditions.size() == RequirementKind.values().length - 1
                && !conditions.contains("no law or contract requires this sharing")) {
            return "a named direction, notice, contract term, court order or other law requires it";
        }
        // Shared start ("the data is "): said once, then the rest joined with commas and "or".
        String prefix = commonPrefix(conditions);
        List<String> rests = conditions.stream().map(c -> c.substring(prefix.length())).toList();
        return prefix + join(rests);
    }

    private static String commonPrefix(List<String> conditions) {
        String first = conditions.get(0);
        int n = first.length();
        for (String c : conditions) {
            int i = 0;
            while (i < n && i < c.length() && c.charAt(i) == first.charAt(i)) {
                i++;
            }
            n = i;
        }
        // Back to a word boundary, so that "identifiable" and "pseudonymised" do not share "".
        int space = first.lastIndexOf(' ', n - 1);
        return space < 0 ? "" : first.substring(0, space + 1);
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    private static String article(String words) {
        return (Arrays.asList('a', 'e', 'i', 'o', 'u').contains(words.charAt(0)) ? "an " : "a ") + words;
    }
}
