package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.decision.Decided;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.AuditResult;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.register.json.AgreementCodec;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.Article9Condition;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.IcbConclusion;
import org.dsarules.model.IcbStatus;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.Practice;
import org.dsarules.model.PracticeRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.Register;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;
import org.dsarules.register.Fields;
import org.dsarules.round.Answers;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.FieldPaths;
import org.dsarules.round.Questionnaire;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated answers applied to generated registers through the questionnaire path (text cells, the
 * field catalogue, v1.1's rules of applying) give exactly the decision the same facts get when the
 * agreement is written directly with the builder. Some agreements get one answer that is not
 * allowed: that row is refused on its own and the agreement's other rows still apply (record-format.md
 * v1.2). A failure prints the agreement as JSON with its seed.
 */
class AnswersPropertyTest {
    private static final DsaRules RULES = DsaRules.defaults();
    private static final LocalDate FIRST = LocalDate.of(2026, 6, 15);
    private static final LocalDate ON = LocalDate.of(2026, 9, 1);
    private static final LocalDate SECOND = LocalDate.of(2026, 9, 2);
    private static final int COUNT = Integer.getInteger("dsa.answers.count", 300);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/yyyy");

    static Stream<Arguments> seeds() {
        return Stream.of(Arguments.of(AgreementGenerator.Mix.REALISTIC, 7001L),
                Arguments.of(AgreementGenerator.Mix.EXHAUSTIVE, 7002L),
                Arguments.of(AgreementGenerator.Mix.EXHAUSTIVE, 7003L));
    }

    /** One generated answer: the cell typed, and the same value as a Java value for the direct builder. */
    private record Generated(String cell, Object value) {
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("seeds")
    void answersAppliedDecideAsTheSameFactsWrittenDirectly(AgreementGenerator.Mix mix, long seed) {
        List<Agreement> agreements = new AgreementGenerator(seed, mix).next(COUNT);
        Register register = new Register(new Practice("P" + seed, "Generated practice", "Generated ICB"), agreements);
        AuditedRegister audited = audit(register);
        List<Questionnaire.Row> questions = Questionnaire.of(audited);
        assertTrue(questions.size() > COUNT / 4, "the questionnaire should ask plenty: " + questions.size());

        Random random = new Random(seed);
        Map<String, Agreement> direct = new HashMap<>();
        agreements.forEach(a -> direct.put(a.id(), a));
        Map<String, Boolean> spoiled = new HashMap<>();
        java.util.Set<Integer> spoiledRows = new java.util.HashSet<>();
        Map<String, Boolean> receivedGiven = new HashMap<>();
        List<Questionnaire.Row> answered = new ArrayList<>();
        int row = 1;
        for (Questionnaire.Row q : questions) {
            row++;
            String id = q.agreementId();
            if (random.nextInt(5) == 0) {
                answered.add(withAnswer(q, row, null));
                continue;
            }
            if (random.nextInt(40) == 0 && !q.field().endsWith("instructedBy") && !q.field().endsWith(".name")
                    && Fields.field(q.field()).orElseThrow().kind() != Fields.Kind.TEXT) {
                answered.add(withAnswer(q, row, "not-a-value-" + row));
                spoiled.put(id, true);
                spoiledRows.add(row);
                continue;
            }
            if (q.field().startsWith("parties[") && !q.field().endsWith(".name")
                    && direct.get(id).partyList().size() <= Integer.parseInt(q.field().substring(8, q.field().indexOf(']')))) {
                // A party's field for a party not named (its name row left blank): refused, as v1.1's setter must.
                answered.add(withAnswer(q, row, generate(q.field(), random).cell()));
                spoiled.put(id, true);
                spoiledRows.add(row);
                continue;
            }
            Generated g = generate(q.field(), random);
            answered.add(withAnswer(q, row, g.cell()));
            direct.put(id, set(direct.get(id), q.field(), g.value()));
        }
        // What applying a conclusion does besides, written directly: status RECEIVED, receivedOn the day.
        for (Questionnaire.Row q : answered) {
            if (q.answered() && q.field().equals("icbAssessment.conclusion") && !spoiledRows.contains(q.row())) {
                Agreement a = direct.get(q.agreementId());
                IcbAssessment i = a.icbAssessment();
                direct.put(q.agreementId(), a.toBuilder().icbAssessment(new IcbAssessment(IcbStatus.RECEIVED,
                        i.conclusion(), i.requestedOn(), receivedGiven.containsKey(q.agreementId()) ? i.receivedOn() : ON)).build());
            }
        }

        Answers.Result result = Answers.apply(List.of(new Answers.Named("generated", register)), answered, ON,
                "ICB questionnaire generated.csv");
        List<Agreement> after = result.registers().get(0).register().agreements();
        assertEquals(agreements.size(), after.size(), "every agreement is in the new register");
        List<String> failures = new ArrayList<>();
        int changed = 0;
        for (int i = 0; i < after.size(); i++) {
            Agreement applied = after.get(i);
            Agreement before = agreements.get(i);
            // a refused row sets nothing; the agreement's other rows apply (v1.2)
            Agreement expected = direct.get(before.id());
            if (!FieldPaths.of(applied).equals(FieldPaths.of(expected))) {
                failures.add("facts differ for " + AgreementCodec.toJson(before) + "\n  applied:  " + AgreementCodec.toJson(applied)
                        + "\n  expected: " + AgreementCodec.toJson(expected));
                continue;
            }
            Decision got = RULES.decide(applied, SECOND);
            Decision want = RULES.decide(expected, SECOND);
            if (!got.equals(want)) {
                failures.add("decision differs for " + AgreementCodec.toJson(applied) + ": " + got.outcome() + " ("
                        + got.decisiveRule() + ") vs directly " + want.outcome() + " (" + want.decisiveRule() + ")");
            }
            if (!FieldPaths.of(applied).equals(FieldPaths.of(before))) {
                changed++;
            }
        }
        if (!failures.isEmpty()) {
            fail(mix + " seed " + seed + ": " + failures.size() + " failure(s), the first:\n"
                    + String.join("\n", failures.subList(0, Math.min(3, failures.size()))));
        }
        assertTrue(changed > COUNT / 10, "answers should change many agreements: " + changed);
        assertTrue(spoiled.isEmpty() || !result.refused().isEmpty(), "spoiled answers are refused");
    }

    private static AuditedRegister audit(Register register) {
        List<Decision> decisions = RULES.decideAll(register.agreements(), FIRST);
        AuditResult r = new AuditResult(RULES.knowledgeBaseInfo(), FIRST, TraceLevel.FULL, register.practice(), decisions,
                List.of(), Summary.of(decisions, 0));
        List<Decided> decided = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            decided.add(new Decided(register.agreements().get(i), decisions.get(i)));
        }
        return new AuditedRegister("generated", r, decided);
    }

    private static Questionnaire.Row withAnswer(Questionnaire.Row q, int row, String answer) {
        return new Questionnaire.Row(row, q.practice(), q.agreementId(), q.programme(), q.title(), q.field(), q.question(),
                q.allowed(), answer);
    }

    /** A random allowed answer for {@code path}, typed as an ICB would (any case, yes/no, UK dates). */
    private static Generated generate(String path, Random random) {
        Fields.Field f = Fields.field(path).orElseThrow();
        List<String> values = f.values();
        return switch (f.kind()) {
            case ENUM -> {
                String v = values.get(random.nextInt(values.size()));
                yield new Generated(random.nextBoolean() ? v : v.toLowerCase(java.util.Locale.ROOT), v);
            }
            case ENUM_LIST -> {
                List<String> picked = new ArrayList<>();
                int n = 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    String v = values.get(random.nextInt(values.size()));
                    if (!picked.contains(v)) {
                        picked.add(v);
                    }
                }
                yield new Generated(String.join("; ", picked), picked);
            }
            case BOOLEAN -> {
                boolean b = random.nextBoolean();
                String cell = switch (random.nextInt(3)) {
                    case 0 -> b ? "yes" : "no";
                    case 1 -> b ? "TRUE" : "false";
                    default -> b ? "Y" : "n";
                };
                yield new Generated(cell, b);
            }
            case DATE -> {
                LocalDate d = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3000));
                yield new Generated(UK.format(d), d);
            }
            case TEXT -> {
                String t = path.endsWith("instructedBy") ? (random.nextBoolean() ? "PRACTICE" : "Someone else")
                        : "Answer " + random.nextInt(1000);
                yield new Generated(t, t);
            }
        };
    }

    /** The same answer written directly with the builder, not through the catalogue. */
    @SuppressWarnings("unchecked")
    private static Agreement set(Agreement a, String path, Object v) {
        Agreement.Builder b = a.toBuilder();
        if (path.startsWith("parties[")) {
            int i = Integer.parseInt(path.substring(8, path.indexOf(']')));
            String field = path.substring(path.indexOf("].") + 2);
            List<Party> parties = new ArrayList<>(a.partyList());
            if (i == parties.size()) {
                parties.add(new Party((String) v, null, null, null, null));
                return b.parties(parties).build();
            }
            Party p = parties.get(i);
            parties.set(i, switch (field) {
                case "name" -> new Party((String) v, p.kind(), p.role(), p.instructedBy(), p.directCareProvider());
                case "kind" -> new Party(p.name(), PartyKind.valueOf((String) v), p.role(), p.instructedBy(), p.directCareProvider());
                case "role" -> new Party(p.name(), p.kind(), PartyRole.valueOf((String) v), p.instructedBy(), p.directCareProvider());
                case "instructedBy" -> new Party(p.name(), p.kind(), p.role(), (String) v, p.directCareProvider());
                case "directCareProvider" -> new Party(p.name(), p.kind(), p.role(), p.instructedBy(), (Boolean) v);
                default -> throw new AssertionError("no party field " + field);
            });
            return b.parties(parties).build();
        }
        LegalRequirement l = a.legalRequirement() == null ? new LegalRequirement(null, null, null) : a.legalRequirement();
        IcbAssessment icb = a.icbAssessment() == null ? new IcbAssessment(null, null, null, null) : a.icbAssessment();
        return switch (path) {
            case "status" -> b.status(Status.valueOf((String) v)).build();
            case "practiceRole" -> b.practiceRole(PracticeRole.valueOf((String) v)).build();
            case "purposes" -> b.purposes(((List<String>) v).stream().map(Purpose::valueOf).toList()).build();
            case "legalRequirement.kind" -> b.legalRequirement(new LegalRequirement(RequirementKind.valueOf((String) v),
                    l.reference(), l.expiresOn())).build();
            case "legalRequirement.reference" -> b.legalRequirement(new LegalRequirement(l.kind(), (String) v,
                    l.expiresOn())).build();
            case "article6Bases" -> b.article6Bases(((List<String>) v).stream().map(Article6Basis::valueOf).toList()).build();
            case "article9Conditions" -> b.article9Conditions(((List<String>) v).stream().map(Article9Condition::valueOf)
                    .toList()).build();
            case "commonLawBasis" -> b.commonLawBasis(CommonLawBasis.valueOf((String) v)).build();
            case "identifiability" -> b.identifiability(Identifiability.valueOf((String) v)).build();
            case "nationalDataOptOutApplied" -> b.nationalDataOptOutApplied((Boolean) v).build();
            case "type1OptOutApplied" -> b.type1OptOutApplied((Boolean) v).build();
            case "commercialAccess" -> b.commercialAccess((Boolean) v).build();
            case "dpiaProvided" -> b.dpiaProvided((Boolean) v).build();
            case "icbAssessment.conclusion" -> b.icbAssessment(new IcbAssessment(icb.status(),
                    IcbConclusion.valueOf((String) v), icb.requestedOn(), icb.receivedOn())).build();
            default -> throw new AssertionError("the questionnaire asked about " + path + ", which this test cannot write directly");
        };
    }
}
