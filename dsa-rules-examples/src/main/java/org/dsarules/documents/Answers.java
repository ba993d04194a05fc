package org.dsarules.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
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

/**
 * The answers the ICB could give to each missing fact, by the policy's names for missing facts
 * ({@code record-format.md}: {@code status}, {@code identifiability}, {@code role}, ...), each with the
 * agreement as it would then read and the condition in words. {@link WhatIf} decides each one again.
 *
 * <p>Every value the format allows is tried, so what {@link WhatIf} reports is exact. Two kinds of
 * field have no finite set of values, and take one stand-in: a named instrument ({@code
 * legalRequirement.reference}, and the reference of a duty of each kind), and the party a processor is
 * instructed by (the practice, or each controller the agreement names). {@code parties} itself (no
 * organisation named at all) is not tried: there is no sensible stand-in for a whole list of parties.
 *
 * <p>This is the documents' own catalogue of the policy's missing facts; the register's field catalogue
 * (paths, cell syntax) belongs to the register package, which parses answers from a questionnaire.
 */
final class Answers {
    private Answers() {
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
            case "status" -> {
                out.add(answer("it is an agreement the practice has signed", a, b -> b.status(Status.EXISTING)));
                out.add(answer("it is a new request", a, b -> b.status(Status.NEW_REQUEST)));
            }
            case "practiceRole" -> {
                for (PracticeRole r : PracticeRole.values()) {
                    out.add(answer("the agreement makes the practice " + article(Plain.enumWords(r)), a, b -> b.practiceRole(r)));
                }
            }
            case "role" -> {
                for (PartyRole r : PartyRole.values()) {
                    out.add(answer("each organisation without a stated role is " + article(Plain.enumWords(r)), a,
                            b -> b.parties(mapParties(a, p -> p.role() == null
                                    ? new Party(p.name(), p.kind(), r, p.instructedBy(), p.directCareProvider()) : p))));
                }
            }
            case "instructedBy" -> {
                List<String> instructors = new ArrayList<>();
                instructors.add(Party.PRACTICE);
                a.partyList().stream().filter(p -> p.role() == PartyRole.CONTROLLER || p.role() == PartyRole.JOINT_CONTROLLER)
                        .map(Party::name).forEach(instructors::add);
                for (String by : instructors) {
                    String who = by.equals(Party.PRACTICE) ? "the practice" : Plain.line(by).strip();
                    out.add(answer("the processors act on the instructions of " + who, a,
                            b -> b.parties(mapParties(a, p -> p.isProcessor() && p.instructedBy() == null
                                    ? new Party(p.name(), p.kind(), p.role(), by, p.directCareProvider()) : p))));
                }
            }
            case "directCareProvider" -> {
                for (boolean v : new boolean[] {true, false}) {
                    out.add(answer(v ? "every organisation receiving the data provides direct care"
                            : "an organisation receiving the data does not provide direct care", a,
                            b -> b.parties(mapParties(a, p -> p.isSharingParty() && p.directCareProvider() == null
                                    ? new Party(p.name(), p.kind(), p.role(), p.instructedBy(), v) : p))));
                }
            }
            case "legalRequirement" -> {
                out.add(answer("no law or contract requires this sharing", a, b -> b.legalRequirement(LegalRequirement.none())));
                for (RequirementKind k : RequirementKind.values()) {
                    if (k != RequirementKind.NONE) {
                        out.add(answer("a named " + Plain.requirementKind(k) + " requires it", a,
                                b -> b.legalRequirement(new LegalRequirement(k, NAMED, null))));
                    }
                }
            }
            case "legalRequirement.reference" -> {
                LegalRequirement r = a.legalRequirement();
                if (r != null) {
                    out.add(answer("the instrument that requires the sharing is named", a,
                            b -> b.legalRequirement(new LegalRequirement(r.kind(), NAMED, r.expiresOn()))));
                }
            }
            case "purposes" -> {
                for (Purpose p : Purpose.values()) {
                    out.add(answer(p == Purpose.DIRECT_CARE ? "the data is used only for direct care"
                            : "the data is used for " + Plain.purpose(p), a, b -> b.purposes(p)));
                }
            }
            case "identifiability" -> {
                for (Identifiability i : Identifiability.values()) {
                    out.add(answer("the data is " + Plain.identifiability(i), a, b -> b.identifiability(i)));
                }
            }
            case "commonLawBasis" -> {
                for (CommonLawBasis c : CommonLawBasis.values()) {
                    out.add(answer("the common-law basis is " + Plain.commonLaw(c), a, b -> b.commonLawBasis(c)));
                }
            }
            case "commercialAccess" -> {
                out.add(answer("a commercial organisation can access the data", a, b -> b.commercialAccess(true)));
                out.add(answer("no commercial organisation can access the data", a, b -> b.commercialAccess(false)));
            }
            case "article6Bases" -> {
                out.add(answer("the agreement states no Article 6 lawful basis", a, b -> b.article6Bases(List.of())));
                for (Article6Basis x : Article6Basis.values()) {
                    out.add(answer("it states Article 6(1)(" + x.name().toLowerCase(Locale.ROOT) + ")", a, b -> b.article6Bases(x)));
                }
            }
            case "article9Conditions" -> {
                out.add(answer("the agreement states no Article 9 condition", a, b -> b.article9Conditions(List.of())));
                for (Article9Condition x : Article9Condition.values()) {
                    out.add(answer("it states Article 9(2)(" + x.name().toLowerCase(Locale.ROOT) + ")", a,
                            b -> b.article9Conditions(x)));
                }
            }
            case "nationalDataOptOutApplied" -> {
                out.add(answer("national data opt-outs are honoured", a, b -> b.nationalDataOptOutApplied(true)));
                out.add(answer("national data opt-outs are not honoured", a, b -> b.nationalDataOptOutApplied(false)));
            }
            case "type1OptOutApplied" -> {
                out.add(answer("Type 1 opt-outs are honoured", a, b -> b.type1OptOutApplied(true)));
                out.add(answer("Type 1 opt-outs are not honoured", a, b -> b.type1OptOutApplied(false)));
            }
            case "dpiaProvided" -> {
                out.add(answer("the data protection impact assessment is provided", a, b -> b.dpiaProvided(true)));
            }
            default -> {
                // parties (none named) and any field a local rule reports: no answers to try.
            }
        }
        return out;
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

    private static Answer answer(String condition, Agreement a, UnaryOperator<Agreement.Builder> change) {
        return new Answer(condition, change.apply(a.toBuilder()).build());
    }

    private static List<Party> mapParties(Agreement a, UnaryOperator<Party> change) {
        return a.partyList().stream().map(change).collect(Collectors.toList());
    }

    private static String article(String words) {
        return (Arrays.asList('a', 'e', 'i', 'o', 'u').contains(words.charAt(0)) ? "an " : "a ") + words;
    }
}
