package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.TraceStep;
import org.dsarules.engine.RuleInfo;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.IcbConclusion;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.LmcAdvice;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.PracticeRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;
import org.dsarules.register.json.AgreementCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every decision of the default knowledge base must have, checked over generated
 * agreements (both mixes), as of a date before the campaign and one inside it. Plain JUnit 5:
 * each property is a parameterized test over (mix, seed, as-of). A failure prints the agreement
 * as JSON with its seed, index and as-of date. Two more tests check the generator itself: the same
 * seed gives the same sequence, and the exhaustive mix reaches every value of the fact space.
 *
 * <p>System property {@code dsa.properties.count}: agreements per (mix, seed), default 1,000.
 */
class PropertiesTest {

    private static final DsaRules RULES = DsaRules.defaults();
    /**
     * The rules alone: the catalogue of known programmes (on by default) resolves an agreement without a
     * programme by its title (record-format.md v1.2), so "the title is never interpreted" is a property of
     * the rules, not of the catalogue.
     */
    private static final DsaRules RULES_ALONE = DsaRules.builder().noCatalogue().build();
    private static final int COUNT = Integer.getInteger("dsa.properties.count", 1_000);
    private static final int MAX_REPORTED = 5;

    static Stream<Arguments> samples() {
        List<Arguments> out = new ArrayList<>();
        for (LocalDate asOf : List.of(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 6, 15))) {
            out.add(Arguments.of(AgreementGenerator.Mix.EXHAUSTIVE, 101L, asOf));
            out.add(Arguments.of(AgreementGenerator.Mix.EXHAUSTIVE, 102L, asOf));
            out.add(Arguments.of(AgreementGenerator.Mix.REALISTIC, 103L, asOf));
        }
        return out.stream();
    }

    private static List<Agreement> generate(AgreementGenerator.Mix mix, long seed) {
        return new AgreementGenerator(seed, mix).next(COUNT);
    }

    /** Collects failures and fails once, with up to MAX_REPORTED agreements as JSON. */
    private static final class Failures {
        private final String property;
        private final AgreementGenerator.Mix mix;
        private final long seed;
        private final LocalDate asOf;
        private final List<String> shown = new ArrayList<>();
        private int count;

        Failures(String property, AgreementGenerator.Mix mix, long seed, LocalDate asOf) {
            this.property = property;
            this.mix = mix;
            this.seed = seed;
            this.asOf = asOf;
        }

        void add(int index, Agreement a, String what) {
            count++;
            if (shown.size() < MAX_REPORTED) {
                shown.add("--- " + a.id() + " (" + mix + " seed=" + seed + " index=" + index + " asOf=" + asOf + "): "
                        + what + "\nagreement: " + AgreementCodec.toJsonString(a));
            }
        }

        void check() {
            if (count > 0) {
                fail(property + ": " + count + " failure(s) (" + mix + " seed=" + seed + ", asOf=" + asOf
                        + ", dsa.properties.count=" + COUNT + ")\n" + String.join("\n", shown));
            }
        }
    }

    private static String brief(Decision d) {
        return d.outcome() + " (" + d.decisiveRule() + ") redFlags=" + d.redFlags() + " missing=" + d.missing();
    }

    private static boolean sameFindings(Decision x, Decision y) {
        return x.outcome() == y.outcome() && x.redFlags().equals(y.redFlags()) && x.missing().equals(y.missing());
    }

    @ParameterizedTest(name = "{0} seed {1} as of {2}")
    @MethodSource("samples")
    void exactlyOneOutcomeDecidedByTheFirstApplicableRow(AgreementGenerator.Mix mix, long seed, LocalDate asOf) {
        Failures f = new Failures("one outcome, decided by a traced rule of the lowest row", mix, seed, asOf);
        List<Agreement> agreements = generate(mix, seed);
        for (int i = 0; i < agreements.size(); i++) {
            Agreement a = agreements.get(i);
            Decision d = RULES.decide(a, asOf);
            if (d.outcome() == null || d.decisiveRule() == null) {
                f.add(i, a, "no outcome or no decisive rule: " + d);
                continue;
            }
            // Exactly one step is flagged decisive (TraceStep.decisive, set by the engine), and it is the
            // decisive rule's proposal of the outcome.
            List<TraceStep> decisive = d.trace().stream().filter(TraceStep::decisive).toList();
            if (decisive.size() != 1 || !decisive.get(0).rule().equals(d.decisiveRule())
                    || decisive.get(0).outcome() != d.outcome()) {
                f.add(i, a, "not exactly one decisive step, of " + d.decisiveRule() + " proposing " + d.outcome()
                        + "; trace: " + d.trace());
                continue;
            }
            // The first row that applies decides: no proposal in the trace has a lower row.
            BigDecimal decisiveRow = new BigDecimal(decisive.get(0).policyRow());
            for (TraceStep s : d.trace()) {
                if (s.outcome() != null && s.policyRow() != null && new BigDecimal(s.policyRow()).compareTo(
                        decisiveRow) < 0) {
                    f.add(i, a, "decided by " + d.decisiveRule() + " (row " + decisiveRow + ") although " + s.rule()
                            + " proposed " + s.outcome() + " at row " + s.policyRow());
                }
            }
        }
        f.check();
    }

    @ParameterizedTest(name = "{0} seed {1} as of {2}")
    @MethodSource("samples")
    void orderOfPartiesAndPurposesDoesNotMatter(AgreementGenerator.Mix mix, long seed, LocalDate asOf) {
        Failures f = new Failures("order of parties and purposes does not matter", mix, seed, asOf);
        List<Agreement> agreements = generate(mix, seed);
        Random random = new Random(seed * 31 + 7);
        for (int i = 0; i < agreements.size(); i++) {
            Agreement a = agreements.get(i);
            List<Party> parties = a.parties() == null ? null : new ArrayList<>(a.parties());
            List<Purpose> purposes = a.purposes() == null ? null : new ArrayList<>(a.purposes());
            if (parties != null) {
                Collections.shuffle(parties, random);
            }
            if (purposes != null) {
                Collections.shuffle(purposes, random);
            }
            Agreement shuffled = a.toBuilder().parties(parties).purposes(purposes).build();
            Decision d = RULES.decide(a, asOf);
            Decision s = RULES.decide(shuffled, asOf);
            if (!sameFindings(d, s)) {
                f.add(i, a, "as given: " + brief(d) + "; shuffled " + AgreementCodec.toJsonString(shuffled) + ": "
                        + brief(s));
            }
        }
        f.check();
    }

    @ParameterizedTest(name = "{0} seed {1} as of {2}")
    @MethodSource("samples")
    void titleAndNotesAreNeverInterpreted(AgreementGenerator.Mix mix, long seed, LocalDate asOf) {
        Failures f = new Failures("title and notes do not matter", mix, seed, asOf);
        List<Agreement> agreements = generate(mix, seed);
        String[][] variants = {{null, null}, {"", " "}, {"KEEP withdraw RF-COMMERCIAL", "DIRECT_CARE; mandatory"},
            {"A very long title ".repeat(40), "legalRequirement: STATUTORY_DIRECTION"}};
        for (int i = 0; i < agreements.size(); i++) {
            Agreement a = agreements.get(i);
            Decision d = RULES_ALONE.decide(a, asOf);
            String[] v = variants[i % variants.length];
            Agreement other = a.toBuilder().title(v[0]).notes(v[1]).build();
            Decision o = RULES_ALONE.decide(other, asOf);
            if (!sameFindings(d, o)) {
                f.add(i, a, "as given: " + brief(d) + "; with title/notes " + java.util.Arrays.toString(v) + ": "
                        + brief(o));
            }
        }
        f.check();
    }

    @ParameterizedTest(name = "{0} seed {1} as of {2}")
    @MethodSource("samples")
    void orderOfTheRegisterDoesNotMatter(AgreementGenerator.Mix mix, long seed, LocalDate asOf) {
        Failures f = new Failures("register order does not change any decision", mix, seed, asOf);
        List<Agreement> agreements = generate(mix, seed);
        List<Agreement> shuffled = new ArrayList<>(agreements);
        Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
        List<Decision> inOrder = RULES.decideAll(agreements, asOf);
        List<Decision> reordered = RULES.decideAll(shuffled, asOf);
        Map<String, Decision> byId = new HashMap<>();
        for (int i = 0; i < shuffled.size(); i++) {
            if (!reordered.get(i).dsaId().equals(shuffled.get(i).id())) {
                f.add(i, shuffled.get(i), "decideAll gave the decision of " + reordered.get(i).dsaId()
                        + " in this agreement's place");
            }
            byId.put(reordered.get(i).dsaId(), reordered.get(i));
        }
        for (int i = 0; i < agreements.size(); i++) {
            Decision d = inOrder.get(i);
            Decision s = byId.get(agreements.get(i).id());
            if (!d.equals(s)) {
                f.add(i, agreements.get(i), "in order: " + d + "\nshuffled: " + s);
            }
        }
        f.check();
    }

    @ParameterizedTest(name = "{0} seed {1} as of {2}")
    @MethodSource("samples")
    void aMandatoryAgreementIsAlwaysKept(AgreementGenerator.Mix mix, long seed, LocalDate asOf) {
        Failures f = new Failures("a MANDATORY agreement is KEEP", mix, seed, asOf);
        List<Agreement> agreements = generate(mix, seed);
        for (int i = 0; i < agreements.size(); i++) {
            Agreement a = agreements.get(i);
            LegalRequirement l = a.legalRequirement();
            boolean mandatory = l != null && l.kind() != null && l.kind() != RequirementKind.NONE
                    && l.reference() != null && !l.reference().isBlank()
                    && (l.expiresOn() == null || !l.expiresOn().isBefore(asOf));
            if (mandatory) {
                Decision d = RULES.decide(a, asOf);
                if (d.outcome() != Outcome.KEEP) {
                    f.add(i, a, brief(d));
                }
            }
        }
        f.check();
    }

    @ParameterizedTest(name = "{0} seed {1} as of {2}")
    @MethodSource("samples")
    void everyRedFlagWasRaisedByATracedRule(AgreementGenerator.Mix mix, long seed, LocalDate asOf) {
        Failures f = new Failures("every red flag has a trace step whose rule raised it", mix, seed, asOf);
        Map<String, RuleInfo> rules = RULES.knowledgeBase().rules();
        List<Agreement> agreements = generate(mix, seed);
        for (int i = 0; i < agreements.size(); i++) {
            Agreement a = agreements.get(i);
            Decision d = RULES.decide(a, asOf);
            for (String flag : d.redFlags()) {
                boolean raised = d.trace().stream().anyMatch(s -> rules.containsKey(s.rule())
                        && flag.equals(rules.get(s.rule()).redFlag()));
                if (!raised) {
                    f.add(i, a, "red flag " + flag + " has no trace step whose rule has @redFlag(\"" + flag
                            + "\"); trace rules: " + d.trace().stream().map(TraceStep::rule).toList());
                }
            }
        }
        f.check();
    }

    @ParameterizedTest(name = "{0} seed {1} as of {2}")
    @MethodSource("samples")
    void jsonRoundTripGivesTheSameDecision(AgreementGenerator.Mix mix, long seed, LocalDate asOf) {
        Failures f = new Failures("JSON round trip gives the same decision", mix, seed, asOf);
        List<Agreement> agreements = generate(mix, seed);
        for (int i = 0; i < agreements.size(); i++) {
            Agreement a = agreements.get(i);
            String json = AgreementCodec.toJsonString(a);
            Agreement back;
            try {
                back = AgreementCodec.fromJson(json);
            } catch (IllegalArgumentException e) {
                f.add(i, a, "its JSON does not read back: " + e.getMessage());
                continue;
            }
            Decision d = RULES.decide(a, asOf);
            Decision r = RULES.decide(back, asOf);
            if (!d.equals(r)) {
                f.add(i, a, "before: " + d + "\nafter the round trip: " + r + "\nread back as: " + back);
            }
        }
        f.check();
    }

    @ParameterizedTest(name = "{0} seed {1} as of {2}")
    @MethodSource("samples")
    void questionsForTheIcbCoverTheDecision(AgreementGenerator.Mix mix, long seed, LocalDate asOf) {
        Failures f = new Failures("questionsForIcb: never empty for ASK, one at least per missing field", mix, seed,
                asOf);
        List<Agreement> agreements = generate(mix, seed);
        for (int i = 0; i < agreements.size(); i++) {
            Agreement a = agreements.get(i);
            Decision d = RULES.decide(a, asOf);
            if (d.outcome() == Outcome.ASK_ICB_FOR_INFORMATION && d.questionsForIcb().isEmpty()) {
                f.add(i, a, "ASK_ICB_FOR_INFORMATION without a question: " + brief(d));
            }
            if (d.questionsForIcb().size() < d.missing().size()) {
                f.add(i, a, d.missing().size() + " missing field(s) but " + d.questionsForIcb().size()
                        + " question(s): " + d.missing() + " / " + d.questionsForIcb());
            }
            if (d.questionsForIcb().stream().anyMatch(q -> q == null || q.isBlank())) {
                f.add(i, a, "a blank question: " + d.questionsForIcb());
            }
        }
        f.check();
    }

    @Test
    void theGeneratorIsDeterministic() {
        for (AgreementGenerator.Mix mix : AgreementGenerator.Mix.values()) {
            List<Agreement> a = new AgreementGenerator(42, mix).next(500);
            List<Agreement> b = new AgreementGenerator(42, mix).next(500);
            assertEquals(a, b, mix + ": the same seed must give the same sequence");
            assertEquals(AgreementGenerator.idOf(1), a.get(0).id());
            assertEquals("GEN-000500", a.get(499).id());
            assertNotEquals(a, new AgreementGenerator(43, mix).next(500), mix + ": another seed, another sequence");
        }
        AgreementGenerator one = AgreementGenerator.exhaustive(9);
        List<Agreement> firstTen = one.next(10);
        Agreement eleventh = one.next();
        assertEquals(AgreementGenerator.exhaustive(9).next(11), concat(firstTen, eleventh),
                "next() and next(n) draw from one sequence");
    }

    private static List<Agreement> concat(List<Agreement> list, Agreement last) {
        List<Agreement> out = new ArrayList<>(list);
        out.add(last);
        return out;
    }

    /** The exhaustive mix reaches every value of the fact space the differential test relies on. */
    @Test
    void theExhaustiveMixCoversTheFactSpace() {
        List<Agreement> all = AgreementGenerator.exhaustive(101).next(Math.max(COUNT, 3_000));
        Set<String> seen = new TreeSet<>();
        LocalDate pivot = AgreementGenerator.CAMPAIGN_START;
        for (Agreement a : all) {
            seen.add("status=" + a.status());
            seen.add("practiceRole=" + a.practiceRole());
            seen.add("parties=" + (a.parties() == null ? "absent" : a.parties().size()));
            seen.add("purposes=" + (a.purposes() == null ? "absent" : a.purposes().isEmpty() ? "empty" : "some"));
            if (a.purposes() != null) {
                a.purposes().forEach(p -> seen.add("purpose=" + p));
            }
            LegalRequirement l = a.legalRequirement();
            seen.add("legalRequirement=" + (l == null ? "absent" : "kind " + l.kind()));
            if (l != null) {
                seen.add("reference=" + (l.reference() == null ? "absent" : "given"));
                seen.add("expiresOn=" + (l.expiresOn() == null ? "absent"
                        : Integer.signum(l.expiresOn().compareTo(pivot))));
            }
            seen.add("article6Bases=" + (a.article6Bases() == null ? "absent" : a.article6Bases().isEmpty() ? "empty"
                    : "some"));
            seen.add("article9Conditions=" + (a.article9Conditions() == null ? "absent"
                    : a.article9Conditions().isEmpty() ? "empty" : "some"));
            seen.add("commonLawBasis=" + a.commonLawBasis());
            seen.add("commonLawBasisExpires=" + (a.commonLawBasisExpires() == null ? "absent"
                    : Integer.signum(a.commonLawBasisExpires().compareTo(pivot))));
            seen.add("identifiability=" + a.identifiability());
            seen.add("nationalDataOptOutApplied=" + a.nationalDataOptOutApplied());
            seen.add("type1OptOutApplied=" + a.type1OptOutApplied());
            seen.add("commercialAccess=" + a.commercialAccess());
            seen.add("dpiaProvided=" + a.dpiaProvided());
            seen.add("icbAssessment=" + (a.icbAssessment() == null ? "absent" : a.icbAssessment().status() + " "
                    + a.icbAssessment().conclusion()));
            seen.add("lmcAdvice=" + a.lmcAdvice());
            seen.add("title=" + (a.title() == null ? "absent" : "given"));
            seen.add("notes=" + (a.notes() == null ? "absent" : "given"));
            for (Party p : a.partyList()) {
                seen.add("party.kind=" + p.kind());
                seen.add("party.role=" + p.role());
                seen.add("party.directCareProvider=" + p.directCareProvider());
                seen.add("party.instructedBy=" + instructedByClass(a, p));
            }
        }
        List<String> expected = new ArrayList<>();
        for (Object v : values(Status.values())) {
            expected.add("status=" + v);
        }
        for (Object v : values(PracticeRole.values())) {
            expected.add("practiceRole=" + v);
        }
        for (String v : List.of("absent", "0", "1", "2", "3", "4", "5")) {
            expected.add("parties=" + v);
        }
        for (String v : List.of("absent", "empty", "some")) {
            expected.add("purposes=" + v);
            expected.add("article6Bases=" + v);
            expected.add("article9Conditions=" + v);
        }
        for (Purpose v : Purpose.values()) {
            expected.add("purpose=" + v);
        }
        expected.add("legalRequirement=absent");
        for (Object v : values(RequirementKind.values())) {
            expected.add("legalRequirement=kind " + v);
        }
        for (String v : List.of("absent", "-1", "0", "1")) {
            expected.add("expiresOn=" + v);
            expected.add("commonLawBasisExpires=" + v);
        }
        expected.add("reference=absent");
        expected.add("reference=given");
        for (Object v : values(CommonLawBasis.values())) {
            expected.add("commonLawBasis=" + v);
        }
        for (Object v : values(Identifiability.values())) {
            expected.add("identifiability=" + v);
        }
        for (Object v : new Object[] {null, true, false}) {
            expected.add("nationalDataOptOutApplied=" + v);
            expected.add("type1OptOutApplied=" + v);
            expected.add("commercialAccess=" + v);
            expected.add("dpiaProvided=" + v);
            expected.add("party.directCareProvider=" + v);
        }
        expected.add("icbAssessment=absent");
        for (Object s : values(IcbStatus.values())) {
            for (Object c : values(IcbConclusion.values())) {
                expected.add("icbAssessment=" + s + " " + c);
            }
        }
        for (Object v : values(LmcAdvice.values())) {
            expected.add("lmcAdvice=" + v);
        }
        for (Object v : values(PartyKind.values())) {
            expected.add("party.kind=" + v);
        }
        for (Object v : values(PartyRole.values())) {
            expected.add("party.role=" + v);
        }
        for (String v : List.of("absent", "practice", "padded practice", "other case practice", "party name",
                "varied party name", "unknown name")) {
            expected.add("party.instructedBy=" + v);
        }
        expected.add("title=absent");
        expected.add("title=given");
        expected.add("notes=absent");
        expected.add("notes=given");
        List<String> notSeen = expected.stream().filter(e -> !seen.contains(e)).toList();
        assertEquals(List.of(), notSeen, "values the exhaustive mix never produced");
    }

    /** Enum values and null (not known). */
    private static List<Object> values(Object[] enumValues) {
        List<Object> out = new ArrayList<>(java.util.Arrays.asList(enumValues));
        out.add(null);
        return out;
    }

    private static String instructedByClass(Agreement a, Party p) {
        String by = p.instructedBy();
        if (by == null) {
            return "absent"; // includes blank, which the model reads as absent
        }
        if (by.equals("PRACTICE")) {
            return "practice";
        }
        if (by.strip().equals("PRACTICE")) {
            return "padded practice";
        }
        if (by.strip().equalsIgnoreCase("PRACTICE")) {
            return "other case practice";
        }
        for (Party q : a.partyList()) {
            if (q != p && q.name().equals(by)) {
                return "party name";
            }
        }
        for (Party q : a.partyList()) {
            if (q != p && q.isNamed(by)) {
                return "varied party name";
            }
        }
        return "unknown name";
    }
}
