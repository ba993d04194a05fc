package org.dsarules.workspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.Article9Condition;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.IcbConclusion;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LmcAdvice;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.PracticeRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;

/**
 * The agreement's facts as plain-English questions: each names the register field it fills (a path of
 * record-format.md) and the answers allowed, and every one can be answered "not known" (the field is
 * then left out, which is what not known means in the register). The values are the format's own, taken
 * from the model's enums, so the form cannot offer a value the reader refuses.
 */
public final class FactForm {
    private FactForm() {
    }

    /** How a question is answered. */
    public enum Kind { TEXT, LONG_TEXT, DATE, YES_NO, ONE_OF, ANY_OF }

    /** One answer on offer: the value written in the register, and its words. */
    public record Choice(String value, String label) {
    }

    /** One question: the path it fills, the question, how it is answered, a hint. */
    public record Question(String path, String question, Kind kind, List<Choice> choices, String hint) {
        public Question {
            choices = List.copyOf(choices);
        }

        /** A name safe as an HTML id: the path with its punctuation replaced. */
        public String inputId() {
            return "f-" + path.replaceAll("[^A-Za-z0-9]", "-");
        }

        /** The list values of a cell in the register's syntax ({@code A;B}). */
        public static List<String> listValues(String cell) {
            return cell == null || cell.isBlank() || cell.equals("[]") ? List.of() : Arrays.asList(cell.split(";"));
        }
    }

    /** A group of questions under one heading. */
    public record Section(String heading, List<Question> questions) {
        public Section {
            questions = List.copyOf(questions);
        }
    }

    /** The questions about the agreement itself, in the order a practice manager reads a DSA. */
    public static final List<Section> SECTIONS = List.of(
            new Section("The agreement", List.of(
                    text("title", "What is the agreement called?", ""),
                    text("programme", "Which programme is it part of?", "the same name across practices, such as GDPPR"),
                    one("status", "Has the practice signed it, or is it a new request?", Status.values()),
                    text("requestedBy", "Which organisation asks for the data?", ""),
                    date("signedOn", "When did the practice sign it?"),
                    date("reviewDue", "When is it due for review?"),
                    one("practiceRole", "What role does it give the practice under UK GDPR?", PracticeRole.values()))),
            new Section("What the data is for and how it leaves", List.of(
                    any("purposes", "What is the data used for?", Purpose.values()),
                    one("identifiability", "In what form does the data leave the practice?", Identifiability.values()),
                    yesNo("commercialAccess", "Can a commercial organisation access, buy or license the data, directly or onward?"),
                    yesNo("nationalDataOptOutApplied", "Are patients' national data opt-outs honoured?"),
                    yesNo("type1OptOutApplied", "Are patients' Type 1 opt-outs (recorded at the practice) honoured?"),
                    yesNo("dpiaProvided", "Was the practice given a data protection impact assessment?"))),
            new Section("The law", List.of(
                    one("legalRequirement.kind", "Does a law or contract compel the practice to share?", RequirementKind.values()),
                    text("legalRequirement.reference", "Which direction, notice or clause compels it?",
                            "a duty without its reference is a claim, not evidence"),
                    date("legalRequirement.expiresOn", "When does that duty end?"),
                    any("article6Bases", "Which UK GDPR Article 6(1) lawful bases does it state?", Article6Basis.values()),
                    any("article9Conditions", "Which UK GDPR Article 9(2) conditions does it state?", Article9Condition.values()),
                    one("commonLawBasis", "How is the common law duty of confidentiality met?", CommonLawBasis.values()),
                    date("commonLawBasisExpires", "When does that basis end?"))),
            new Section("The ICB and the LMC", List.of(
                    one("icbAssessment.status", "Has the practice asked the ICB to assess it?", IcbStatus.values()),
                    one("icbAssessment.conclusion", "What did the ICB conclude?", IcbConclusion.values()),
                    date("icbAssessment.requestedOn", "When did the practice ask the ICB?"),
                    date("icbAssessment.receivedOn", "When did the ICB answer?"),
                    one("lmcAdvice", "What did the LMC advise?", LmcAdvice.values()),
                    new Question("notes", "Notes", Kind.LONG_TEXT, List.of(), "carried through, never read by the rules"))));

    /** The questions about each other organisation the agreement names, by field of a party. */
    public static final List<Question> PARTY = List.of(
            text("name", "Organisation", ""),
            one("kind", "What kind of organisation is it?", PartyKind.values()),
            one("role", "What role does the agreement give it?", PartyRole.values()),
            text("instructedBy", "Whose instructions does it act on (a processor)?", "PRACTICE for the practice itself, or another organisation's name"),
            yesNo("directCareProvider", "Does it provide direct care to the practice's patients?"));

    /** Every question's path for an agreement with {@code parties} party slots. */
    public static List<String> paths(int parties) {
        List<String> out = new ArrayList<>();
        SECTIONS.forEach(s -> s.questions().forEach(q -> out.add(q.path())));
        for (int i = 0; i < parties; i++) {
            for (Question q : PARTY) {
                out.add("parties[" + i + "]." + q.path());
            }
        }
        return out;
    }

    /** How many parties a set of cells names. */
    public static int parties(Map<String, String> cells) {
        int n = 0;
        for (String k : cells.keySet()) {
            if (k.startsWith("parties[")) {
                n = Math.max(n, Integer.parseInt(k.substring(8, k.indexOf(']'))) + 1);
            }
        }
        return n;
    }

    /**
     * The values a submitted form gives, by path: every question of the form is answered (an empty answer
     * or none at all is "not known"); several values of a list question are joined as the register joins them.
     */
    public static Map<String, String> answers(Map<String, List<String>> form, int parties) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String path : paths(parties)) {
            List<String> values = form.getOrDefault(path, List.of()).stream().filter(v -> !v.isBlank()).toList();
            out.put(path, String.join(";", values));
        }
        return out;
    }

    private static Question text(String path, String q, String hint) {
        return new Question(path, q, Kind.TEXT, List.of(), hint);
    }

    private static Question date(String path, String q) {
        return new Question(path, q, Kind.DATE, List.of(), "");
    }

    private static Question yesNo(String path, String q) {
        return new Question(path, q, Kind.YES_NO, List.of(new Choice("true", "Yes"), new Choice("false", "No")), "");
    }

    private static Question one(String path, String q, Enum<?>[] values) {
        return new Question(path, q, Kind.ONE_OF, choices(values), "");
    }

    private static Question any(String path, String q, Enum<?>[] values) {
        return new Question(path, q, Kind.ANY_OF, choices(values), "");
    }

    private static List<Choice> choices(Enum<?>[] values) {
        List<Choice> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(new Choice(v.name(), words(v.name())));
        }
        return out;
    }

    /** An enum value in words: {@code NEW_REQUEST} is "New request", a letter alone is "(a)". */
    public static String words(String value) {
        if (value.length() == 1) {
            return "(" + value.toLowerCase(Locale.ROOT) + ")";
        }
        String w = value.replace('_', ' ').toLowerCase(Locale.ROOT);
        w = w.replace("icb", "ICB").replace("nhs", "NHS").replace("gp ", "GP ").replace("copi", "COPI")
                .replace("lmc", "LMC").replace("section 251", "section 251");
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
