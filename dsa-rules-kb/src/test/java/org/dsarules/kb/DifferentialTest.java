package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.catalogue.Catalogue;
import org.dsarules.catalogue.CatalogueFill;
import org.dsarules.decision.Decision;
import org.dsarules.decision.TraceStep;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.kb.reference.ReferenceDecision;
import org.dsarules.kb.reference.ReferencePolicy;
import org.dsarules.model.Agreement;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PartyKind;
import org.dsarules.register.json.AgreementCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: the default knowledge base against {@link ReferencePolicy}, an independent
 * plain-Java reading of decision-policy.md, over agreements of the generator's exhaustive mix, each
 * decided as of dates on both sides of the campaign start and around its own expiry dates. Outcome,
 * red flags and missing fields must be equal.
 *
 * <p>System properties: {@code dsa.differential.count} (agreements in all, default 20,000, split
 * over the seeds; the realistic mix adds a tenth of it), {@code dsa.differential.seeds}
 * (comma-separated, default {@code 1,2,3,4}). Reproduce a failure with
 * {@code -Ddsa.differential.seeds=<seed> -Ddsa.differential.count=<the same per-seed count>}.
 */
class DifferentialTest {

    private static final DsaRules RULES = DsaRules.defaults();
    private static final ReferencePolicy REFERENCE = new ReferencePolicy();
    private static final Catalogue CATALOGUE = Catalogue.shipped(DifferentialTest.class.getClassLoader());
    private static final int COUNT = Integer.getInteger("dsa.differential.count", 20_000);
    private static final long[] SEEDS = Arrays.stream(System.getProperty("dsa.differential.seeds", "1,2,3,4")
            .split(",")).map(String::strip).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    private static final List<LocalDate> FIXED_DATES = List.of(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 6, 15));
    private static final int MAX_REPORTED = 10;

    static Stream<Long> seeds() {
        return Arrays.stream(SEEDS).boxed();
    }

    /** A disagreement between the rules and the reference. */
    private record Disagreement(long seed, int index, LocalDate asOf, Agreement agreement, ReferenceDecision expected,
            Decision actual, String kind) {
    }

    @ParameterizedTest(name = "exhaustive mix, seed {0}")
    @MethodSource("seeds")
    void rulesAgreeWithTheReferencePolicy(long seed) {
        int perSeed = Math.max(1, COUNT / SEEDS.length);
        compare("exhaustive", seed, AgreementGenerator.exhaustive(seed).next(perSeed), perSeed >= 2_000);
    }

    /** The realistic mix too (a tenth of the count), as plausible registers combine facts differently. */
    @Test
    void rulesAgreeWithTheReferencePolicyOnARealisticRegister() {
        long seed = SEEDS.length == 0 ? 1 : SEEDS[0];
        compare("realistic", seed, AgreementGenerator.realistic(seed).next(Math.max(1, COUNT / 10)), false);
    }

    /**
     * The boundaries of policy v1.2, which the generator's mixes reach seldom or never: each agreement of the
     * exhaustive mix, with (by a seeded choice) its reference or a processor's instructedBy replaced by a
     * placeholder word as a practice manager types it ("TBC", " n/a. ", "Unknown"), or a sharing party made
     * an NHS_ENGLAND or ICB party (a record operator when it is a controller or joint controller).
     */
    @Test
    void rulesAgreeWithTheReferencePolicyOnTheV12Boundaries() {
        long seed = SEEDS.length == 0 ? 1 : SEEDS[0];
        Random random = new Random(seed);
        List<Agreement> mutated = new ArrayList<>();
        for (Agreement a : AgreementGenerator.exhaustive(seed).next(Math.max(1, COUNT / 10))) {
            mutated.add(v12Variant(a, random));
        }
        compare("v1.2 boundaries", seed, mutated, false);
    }

    private static final List<String> TYPED_PLACEHOLDERS = List.of("TBC", " n/a. ", "Unknown", "?", "to be confirmed",
            "TBC soon", "PRACTICE ", "NK.", "-");

    static Agreement v12Variant(Agreement a, Random random) {
        Agreement.Builder b = a.toBuilder();
        LegalRequirement lr = a.legalRequirement();
        if (lr != null && random.nextInt(3) == 0) {
            b.legalRequirement(new LegalRequirement(lr.kind(), pick(random), lr.expiresOn()));
        }
        if (a.parties() != null) {
            List<Party> parties = new ArrayList<>();
            for (Party p : a.parties()) {
                Party q = p;
                if (p.isProcessor() && random.nextInt(3) == 0) {
                    q = q.withInstructedBy(pick(random));
                }
                if (p.isSharingParty() && random.nextInt(3) == 0) {
                    q = new Party(q.name(), random.nextBoolean() ? PartyKind.NHS_ENGLAND : PartyKind.ICB, q.role(),
                            q.instructedBy(), q.directCareProvider());
                }
                parties.add(q);
            }
            b.parties(parties);
        }
        return b.build();
    }

    private static String pick(Random random) {
        return TYPED_PLACEHOLDERS.get(random.nextInt(TYPED_PLACEHOLDERS.size()));
    }

    private void compare(String mix, long seed, List<Agreement> agreements, boolean requireEveryRow) {
        ConcurrentLinkedQueue<Disagreement> found = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> rowMismatches = new ConcurrentLinkedQueue<>();
        AtomicIntegerArray rows = new AtomicIntegerArray(15);
        IntStream.range(0, agreements.size()).parallel().forEach(i -> {
            Agreement a = agreements.get(i);
            for (LocalDate asOf : datesFor(a)) {
                // The rules decide the agreement as the catalogue of known programmes fills it (on by default):
                // the reference reads the policy on the same, filled facts.
                ReferenceDecision want = REFERENCE.decide(CATALOGUE.fill(a).map(CatalogueFill::agreement).orElse(a), asOf);
                rows.incrementAndGet(want.row());
                Decision got = RULES.decide(a, asOf);
                String kind = classify(want, got);
                if (kind != null) {
                    found.add(new Disagreement(seed, i, asOf, a, want, got, kind));
                } else {
                    String row = got.decisiveStep().policyRow();
                    if (row != null && !row.equals(String.valueOf(want.row()))) {
                        rowMismatches.add("reference row " + want.row() + " vs rule " + got.decisiveRule() + " (row "
                                + row + ")");
                    }
                }
            }
        });

        StringBuilder coverage = new StringBuilder(mix + " mix, seed " + seed + ": " + agreements.size()
                + " agreements; decisions by reference row:");
        for (int r = 1; r <= 14; r++) {
            coverage.append(' ').append(r).append('=').append(rows.get(r));
        }
        System.out.println(coverage);
        if (!rowMismatches.isEmpty()) {
            Map<String, Integer> byKind = new TreeMap<>();
            rowMismatches.forEach(m -> byKind.merge(m, 1, Integer::sum));
            System.out.println(mix + " mix, seed " + seed + ": same outcome, different row (informational): " + byKind);
        }

        if (!found.isEmpty()) {
            fail(report(mix, seed, agreements.size(), new ArrayList<>(found)));
        }
        if (requireEveryRow) {
            for (int r = 1; r <= 14; r++) {
                int row = r;
                assertTrue(rows.get(r) > 0, () -> "the exhaustive mix of seed " + seed + " never reached row " + row
                        + ": " + coverage);
            }
        }
    }

    /** The fixed dates, and the day of and after each of the agreement's own expiry dates. */
    static List<LocalDate> datesFor(Agreement a) {
        Set<LocalDate> dates = new LinkedHashSet<>(FIXED_DATES);
        if (a.legalRequirement() != null && a.legalRequirement().expiresOn() != null) {
            dates.add(a.legalRequirement().expiresOn());
            dates.add(a.legalRequirement().expiresOn().plusDays(1));
        } else if (a.commonLawBasisExpires() != null) {
            dates.add(a.commonLawBasisExpires());
            dates.add(a.commonLawBasisExpires().plusDays(1));
        }
        return List.copyOf(dates);
    }

    /** Null when the two agree; else a short description of how they differ (the disagreement's class). */
    private static String classify(ReferenceDecision want, Decision got) {
        List<String> parts = new ArrayList<>();
        if (want.outcome() != got.outcome()) {
            parts.add("outcome: reference " + want.outcome() + " (row " + want.row() + "), rules " + got.outcome()
                    + " (" + got.decisiveRule() + ")");
        }
        if (!want.redFlags().equals(got.redFlags())) {
            parts.add("redFlags: " + diff(want.redFlags(), got.redFlags()));
        }
        if (!want.missing().equals(got.missing())) {
            parts.add("missing: " + diff(want.missing(), got.missing()));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String diff(List<String> want, List<String> got) {
        Set<String> onlyWant = new TreeSet<>(want);
        onlyWant.removeAll(got);
        Set<String> onlyGot = new TreeSet<>(got);
        onlyGot.removeAll(want);
        return "reference only " + onlyWant + ", rules only " + onlyGot;
    }

    private static String report(String mix, long seed, int size, List<Disagreement> all) {
        all.sort(Comparator.comparingInt(Disagreement::index).thenComparing(Disagreement::asOf));
        Map<String, List<Disagreement>> byKind = new LinkedHashMap<>();
        for (Disagreement d : all) {
            byKind.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(all.size()).append(" disagreement(s) between the rules and ReferencePolicy, ").append(mix)
                .append(" mix, seed ").append(seed)
                .append(" (").append(size).append(" agreements), in ").append(byKind.size()).append(" class(es):\n");
        byKind.forEach((k, v) -> sb.append("  ").append(v.size()).append(" x ").append(k).append('\n'));
        // Up to MAX_REPORTED in detail: the first of each class, then the next ones in order.
        List<Disagreement> shown = new ArrayList<>();
        for (List<Disagreement> v : byKind.values()) {
            if (shown.size() < MAX_REPORTED) {
                shown.add(v.get(0));
            }
        }
        for (Disagreement d : all) {
            if (shown.size() >= MAX_REPORTED) {
                break;
            }
            if (!shown.contains(d)) {
                shown.add(d);
            }
        }
        for (Disagreement d : shown) {
            sb.append("\n--- ").append(d.agreement().id()).append(' ').append(mix).append(" seed=").append(d.seed()).append(" index=")
                    .append(d.index()).append(" asOf=").append(d.asOf()).append('\n');
            sb.append("difference: ").append(d.kind()).append('\n');
            sb.append("agreement: ").append(AgreementCodec.toJsonString(d.agreement())).append('\n');
            sb.append("reference: ").append(d.expected()).append('\n');
            Decision g = d.actual();
            sb.append("rules:     ").append(g.outcome()).append(" (").append(g.decisiveRule()).append(") redFlags=")
                    .append(g.redFlags()).append(" missing=").append(g.missing()).append('\n');
            sb.append("trace:\n");
            for (TraceStep s : g.trace()) {
                sb.append("  ").append(s.rule());
                if (s.outcome() != null) {
                    sb.append(" -> ").append(s.outcome()).append(" (row ").append(Objects.toString(s.policyRow()))
                            .append(')');
                }
                sb.append(": ").append(s.explanation()).append('\n');
            }
        }
        if (all.size() > shown.size()) {
            sb.append("\n(").append(all.size() - shown.size()).append(" more not shown)\n");
        }
        return sb.toString();
    }
}
