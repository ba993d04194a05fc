package org.dsarules.kb.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.Article9Condition;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.IcbAssessment;
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

/**
 * A seeded, deterministic generator of agreements, in one of two {@link Mix mixes}:
 *
 * <ul>
 *   <li>{@link Mix#REALISTIC}: a plausible register, the agreements a GP practice in England
 *       typically holds (shared care records, GP contract extractions, national audits, research
 *       datalinks, ICB population health management, commercial analytics, community pharmacy,
 *       expired COVID-19 notices, ...), with the gaps real registers have. For benchmarks,
 *       demonstrations and users who want a register to try.</li>
 *   <li>{@link Mix#EXHAUSTIVE}: a mix that covers the fact space of {@code record-format.md}:
 *       every enum value, every nullable field both absent and present, empty versus absent lists,
 *       0 to 5 parties of every kind and role (or none), {@code instructedBy} as {@code PRACTICE} in
 *       any case and padded, as another party's name in varying case and white space, as an unknown
 *       name or blank, and expiry dates the day before, on and after each {@linkplain #pivots() pivot
 *       date} (and far from them). For differential and property tests.</li>
 * </ul>
 *
 * <pre>{@code
 * AgreementGenerator g = AgreementGenerator.realistic(42);
 * List<Agreement> register = g.next(1_000);          // GEN-000001 .. GEN-001000
 * AgreementGenerator x = AgreementGenerator.exhaustive(7, LocalDate.parse("2026-05-01"));
 * Agreement a = x.next();
 * }</pre>
 *
 * <p>The same seed, mix and pivots always give the same sequence of agreements, on any JVM (the
 * generator uses {@link java.util.Random}, whose algorithm is specified). Ids are {@code GEN-000001},
 * {@code GEN-000002}, ... in the order generated (more digits past 999,999). Every agreement is valid
 * as {@code record-format.md} defines it, so it survives a JSON round trip. An instance holds state:
 * it is not thread-safe; give each thread its own (with its own seed).
 */
public final class AgreementGenerator {

    /** What kind of agreements a generator produces. */
    public enum Mix {
        /** A plausible register mix: what a practice's register typically holds. */
        REALISTIC,
        /** An exhaustive mix of the fact space, edge cases included. */
        EXHAUSTIVE
    }

    /** The start of the BMA campaign (2026-05-01): a default pivot. */
    public static final LocalDate CAMPAIGN_START = LocalDate.of(2026, 5, 1);

    /**
     * The default pivot dates of the exhaustive mix: the day before the campaign, its first day, and
     * 2026-06-15 (the date of the public example register's expected decisions).
     */
    public static final List<LocalDate> DEFAULT_PIVOTS = List.of(CAMPAIGN_START.minusDays(1), CAMPAIGN_START,
            LocalDate.of(2026, 6, 15));

    /** The prefix of generated ids. */
    public static final String ID_PREFIX = "GEN-";

    private final long seed;
    private final Mix mix;
    private final List<LocalDate> pivots;
    private final Random random;
    private final Context context;
    private long generated;

    /**
     * A generator of the {@linkplain Mix#REALISTIC realistic} mix.
     *
     * @param seed the seed: the same seed gives the same sequence
     */
    public AgreementGenerator(long seed) {
        this(seed, Mix.REALISTIC);
    }

    /** A generator of {@code mix} with the {@linkplain #DEFAULT_PIVOTS default pivots}. */
    public AgreementGenerator(long seed, Mix mix) {
        this(seed, mix, DEFAULT_PIVOTS);
    }

    /**
     * A generator of {@code mix}.
     *
     * @param seed   the seed: the same seed, mix and pivots give the same sequence
     * @param mix    realistic or exhaustive
     * @param pivots dates around which the exhaustive mix places expiry dates (the day before, the
     *               day itself, the day after); the realistic mix uses the first as "now"
     * @throws IllegalArgumentException when {@code pivots} is empty
     */
    public AgreementGenerator(long seed, Mix mix, List<LocalDate> pivots) {
        this.seed = seed;
        this.mix = Objects.requireNonNull(mix, "mix");
        this.pivots = List.copyOf(pivots);
        if (this.pivots.isEmpty()) {
            throw new IllegalArgumentException("at least one pivot date is needed");
        }
        this.random = new Random(seed);
        this.context = new Context(random);
    }

    /** A generator of the plausible register mix. */
    public static AgreementGenerator realistic(long seed) {
        return new AgreementGenerator(seed, Mix.REALISTIC);
    }

    /** A generator of the exhaustive fact-space mix, expiry dates around the {@linkplain #DEFAULT_PIVOTS default pivots}. */
    public static AgreementGenerator exhaustive(long seed) {
        return new AgreementGenerator(seed, Mix.EXHAUSTIVE);
    }

    /** A generator of the exhaustive fact-space mix, expiry dates around the given pivots. */
    public static AgreementGenerator exhaustive(long seed, LocalDate... pivots) {
        return new AgreementGenerator(seed, Mix.EXHAUSTIVE, List.of(pivots));
    }

    /** The id of the {@code n}th agreement (from 1) a generator produces: {@code GEN-000001}. */
    public static String idOf(long n) {
        return ID_PREFIX + String.format(Locale.ROOT, "%06d", n);
    }

    public long seed() {
        return seed;
    }

    public Mix mix() {
        return mix;
    }

    /** The pivot dates, as given. */
    public List<LocalDate> pivots() {
        return pivots;
    }

    /** How many agreements this generator has produced so far. */
    public long generated() {
        return generated;
    }

    /** The next agreement. */
    public Agreement next() {
        generated++;
        String id = idOf(generated);
        return mix == Mix.EXHAUSTIVE ? exhaustiveAgreement(id) : realisticAgreement(id);
    }

    /** The next {@code n} agreements, in order. */
    public List<Agreement> next(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        List<Agreement> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------
    // Exhaustive mix
    // ------------------------------------------------------------------------------------------

    private static final String[] PARTY_NAMES = {
        "Apex GP Systems", "Meridian Clinical Systems", "Northshire Hospitals NHS Foundation Trust",
        "Northshire Community Health NHS Trust", "NHS Northshire ICB", "NHS England", "Northshire County Council",
        "University of Northshire", "Aurora Research Datalink", "Helix Analytics Ltd", "Harbour Pharmacy Ltd",
        "Riverside Hospice", "Eastgate Surgery", "Office for Health Data", "Quantum Insight plc", "Lakeside Care Homes"
    };

    private static final String[] UNKNOWN_NAMES = {
        "Unknown Data Services Ltd", "the ICB", "Commissioning Support Unit", "NHS", "PRACTICE MANAGER", "Practices",
        "practice.", "Supplier"
    };

    private static final String[] PRACTICE_WORDS = {
        "PRACTICE", "practice", "Practice", " PRACTICE", "PRACTICE ", "\tpractice\t", "  PrAcTiCe  ", "\nPRACTICE",
        "\u2003PRACTICE", "practice\u3000", "PRACTICES", "THE PRACTICE", "PRAC TICE", "\u00a0PRACTICE"
    };

    private static final String[] BLANKS = {"", " ", "   ", "\t", " \n ", "\u2003", "\u3000 "};

    private static final String[] TITLES = {
        "Shared care record", "GP extraction", "Research collection", "Population health management",
        "Risk stratification tool", "Local audit", "Commissioning data set", "", "  ", "Ünïcödé title ✓"
    };

    private static final String[] NOTES = {"", "Reviewed at partners' meeting.", "Awaiting ICB reply.",
        "Note with \"quotes\" and a \\ backslash", "Multi-line\nnote"};

    private Agreement exhaustiveAgreement(String id) {
        // Each agreement draws how incomplete and how "clean" it is, so that the mix reaches deep
        // rows of the policy (complete, flag-free records) as well as records full of gaps.
        double nullRate = rate(0.0, 0.0, 0.05, 0.15, 0.35, 0.6);
        double good = rate(0.97, 0.85, 0.6, 0.3, 0.0);
        Agreement.Builder b = Agreement.builder(id);
        b.title(chance(0.2) ? null : pick(TITLES));
        b.status(value(Status.values(), nullRate, good * 0.5, Status.EXISTING));
        b.requestedBy(chance(0.5) ? null : pick(PARTY_NAMES));
        b.signedOn(chance(0.5) ? null : LocalDate.of(2014, 1, 1).plusDays(random.nextInt(4500)));
        b.reviewDue(chance(0.6) ? null : LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1500)));
        b.practiceRole(value(PracticeRole.values(), nullRate, good, PracticeRole.CONTROLLER));
        b.parties(exhaustiveParties(nullRate, good));
        b.purposes(exhaustivePurposes(nullRate));
        b.legalRequirement(exhaustiveLegalRequirement(nullRate));
        b.article6Bases(list(Article6Basis.values(), nullRate, good));
        b.article9Conditions(list(Article9Condition.values(), nullRate, good));
        b.commonLawBasis(value(CommonLawBasis.values(), nullRate, good * 0.7,
                pick(CommonLawBasis.SECTION_251_SUPPORT, CommonLawBasis.EXPLICIT_CONSENT)));
        b.commonLawBasisExpires(chance(0.65) ? null : expiry());
        b.identifiability(value(Identifiability.values(), nullRate, 0, null));
        b.nationalDataOptOutApplied(bool(nullRate, good, true));
        b.type1OptOutApplied(bool(nullRate, good, true));
        b.commercialAccess(bool(nullRate, good, false));
        b.dpiaProvided(bool(nullRate, good, true));
        b.icbAssessment(exhaustiveIcb(nullRate, good));
        b.lmcAdvice(value(LmcAdvice.values(), nullRate, good * 0.6, LmcAdvice.NONE));
        b.notes(chance(0.7) ? null : pick(NOTES));
        return b.build();
    }

    private List<Party> exhaustiveParties(double nullRate, double good) {
        double r = random.nextDouble();
        if (r < nullRate) {
            return null;
        }
        if (r < nullRate + 0.06) {
            return List.of();
        }
        int n = 1 + random.nextInt(5);
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            String name = chance(0.06) && i > 0 ? names[random.nextInt(i)] : pick(PARTY_NAMES);
            names[i] = chance(0.12) ? vary(name) : name;
        }
        PartyRole[] roles = new PartyRole[n];
        for (int i = 0; i < n; i++) {
            // Processors and joint controllers get extra weight: instructedBy is where the subtle cases are.
            roles[i] = chance(nullRate * 0.5) ? null
                    : chance(0.35) ? pick(PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR, PartyRole.JOINT_CONTROLLER)
                    : pick(PartyRole.values());
        }
        List<Party> parties = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean processor = roles[i] == PartyRole.PROCESSOR || roles[i] == PartyRole.SUB_PROCESSOR;
            PartyKind kind = chance(nullRate * 0.5) ? null
                    : processor && chance(0.45) ? PartyKind.GP_SYSTEM_SUPPLIER
                    : chance(0.12) ? PartyKind.COMMERCIAL
                    : pick(PartyKind.values());
            String instructedBy = instructedBy(names, roles, i, processor, nullRate, good);
            Boolean dcp = bool(nullRate, good * 0.5, true);
            parties.add(new Party(names[i], kind, roles[i], instructedBy, dcp));
        }
        return parties;
    }

    private String instructedBy(String[] names, PartyRole[] roles, int self, boolean processor, double nullRate,
            double good) {
        if (!processor && chance(0.75)) {
            return chance(0.8) ? null : pick(PRACTICE_WORDS); // usually none, sometimes a stray value
        }
        if (chance(nullRate)) {
            return null;
        }
        if (chance(good * 0.5)) {
            return "PRACTICE";
        }
        double r = random.nextDouble();
        if (r < 0.25) {
            return pick(PRACTICE_WORDS);
        }
        if (r < 0.65) {
            // another party's name (prefer a controller, joint controller or processor), varied
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                if (i != self && (roles[i] == PartyRole.CONTROLLER || roles[i] == PartyRole.JOINT_CONTROLLER
                        || roles[i] == PartyRole.PROCESSOR || chance(0.3))) {
                    candidates.add(i);
                }
            }
            int target = candidates.isEmpty() ? random.nextInt(names.length) : candidates.get(random.nextInt(
                    candidates.size()));
            return chance(0.5) ? names[target] : vary(names[target]);
        }
        if (r < 0.72) {
            return names[self]; // its own name
        }
        if (r < 0.87) {
            return chance(0.5) ? pick(UNKNOWN_NAMES) : vary(pick(PARTY_NAMES)); // maybe a name not in this DSA
        }
        return pick(BLANKS);
    }

    /**
     * The name with different case and surrounding white space (the same name for the policy, which
     * compares with {@code strip()} and {@code equalsIgnoreCase}); now and then with a doubled inner
     * space or a no-break space around it, which {@code strip()} keeps: then another name.
     */
    private String vary(String name) {
        String s = switch (random.nextInt(4)) {
            case 0 -> name.toUpperCase(Locale.ROOT);
            case 1 -> name.toLowerCase(Locale.ROOT);
            case 2 -> {
                StringBuilder sb = new StringBuilder(name.length());
                for (char c : name.toCharArray()) {
                    sb.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
                }
                yield sb.toString();
            }
            default -> name;
        };
        if (chance(0.05) && s.indexOf(' ') > 0) {
            s = s.replaceFirst(" ", "  "); // white space inside a name is not ignored: another name
        }
        String[] pads = {"", " ", "  ", "\t", "\n", " \t ", "\u2003", "\u3000", "\u00a0"};
        return pick(pads) + s + pick(pads);
    }

    private List<Purpose> exhaustivePurposes(double nullRate) {
        double r = random.nextDouble();
        if (r < nullRate * 0.6) {
            return null;
        }
        if (r < nullRate * 0.6 + 0.05) {
            return List.of();
        }
        Purpose[] secondary = secondaryPurposes();
        List<Purpose> out = new ArrayList<>();
        double c = random.nextDouble();
        if (c < 0.3) {
            out.add(Purpose.DIRECT_CARE);
            if (chance(0.1)) {
                out.add(Purpose.DIRECT_CARE); // a repeated value counts once
            }
        } else {
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                out.add(chance(0.12) ? Purpose.PRODUCT_DEVELOPMENT : pick(secondary));
            }
            if (c < 0.65) {
                out.add(Purpose.DIRECT_CARE);
            }
            Collections.shuffle(out, random);
        }
        return out;
    }

    private LegalRequirement exhaustiveLegalRequirement(double nullRate) {
        if (chance(nullRate * 0.7)) {
            return null;
        }
        double r = random.nextDouble();
        RequirementKind kind;
        if (r < 0.07) {
            kind = null;
        } else if (r < 0.55) {
            kind = RequirementKind.NONE;
        } else {
            RequirementKind[] duties = {RequirementKind.STATUTORY_DIRECTION, RequirementKind.COPI_NOTICE,
                RequirementKind.GP_CONTRACT, RequirementKind.COURT_ORDER, RequirementKind.OTHER_STATUTE};
            kind = pick(duties);
        }
        double ref = random.nextDouble();
        String reference = kind == RequirementKind.NONE
                ? (ref < 0.75 ? null : ref < 0.85 ? pick(BLANKS) : "No duty: voluntary agreement")
                : (ref < 0.45 ? pick("HSCA 2012 s259 direction: national collection", "GMS contract schedule 3",
                        "COPI reg 3(4) notice 2020", "Order of the High Court, 2025") : ref < 0.75 ? null
                        : pick(BLANKS));
        LocalDate expiresOn = chance(0.5) ? null : expiry();
        return new LegalRequirement(kind, reference, expiresOn);
    }

    private IcbAssessment exhaustiveIcb(double nullRate, double good) {
        if (chance(Math.max(nullRate, 0.15))) {
            return null;
        }
        if (chance(good * 0.6)) {
            return new IcbAssessment(IcbStatus.RECEIVED, IcbConclusion.NECESSARY_AND_LAWFUL,
                    LocalDate.of(2026, 5, 6), LocalDate.of(2026, 5, 28));
        }
        IcbStatus status = value(IcbStatus.values(), 0.08, 0.4, IcbStatus.RECEIVED);
        // Conclusions against the DSA get extra weight, received or not (an unreceived one is never read).
        IcbConclusion conclusion = chance(status == IcbStatus.RECEIVED ? 0.1 : 0.4) ? null
                : chance(0.5) ? pick(IcbConclusion.NOT_NECESSARY, IcbConclusion.LAWFULNESS_DOUBTFUL)
                : pick(IcbConclusion.values());
        LocalDate requestedOn = chance(0.4) ? null : CAMPAIGN_START.plusDays(random.nextInt(30));
        LocalDate receivedOn = chance(0.5) ? null : LocalDate.of(2026, 5, 20).plusDays(random.nextInt(40));
        return new IcbAssessment(status, conclusion, requestedOn, receivedOn);
    }

    /** An expiry date: the day before, on or after a pivot, or far before or after it. */
    private LocalDate expiry() {
        LocalDate p = pick(pivots);
        return switch (random.nextInt(8)) {
            case 0, 1 -> p.minusDays(1);
            case 2, 3 -> p;
            case 4, 5 -> p.plusDays(1);
            case 6 -> p.minusDays(1 + random.nextInt(1500));
            default -> p.plusDays(1 + random.nextInt(1500));
        };
    }

    // ------------------------------------------------------------------------------------------
    // Realistic mix
    // ------------------------------------------------------------------------------------------

    /** Names that stay the same across a generator's register, as they would in one practice's. */
    private static final class Context {
        final String region;
        final String supplier;
        final String acuteTrust;
        final String communityTrust;
        final String council;
        final String icb;
        final String university;

        Context(Random r) {
            String[] regions = {"Northshire", "Westmere", "Eastbrook", "Southdale", "Highmoor", "Lowfield"};
            String[] suppliers = {"Apex GP Systems", "Meridian Clinical Systems", "Keystone Health IT"};
            region = regions[r.nextInt(regions.length)];
            supplier = suppliers[r.nextInt(suppliers.length)];
            acuteTrust = region + " Hospitals NHS Foundation Trust";
            communityTrust = region + " Community Health NHS Trust";
            council = region + " County Council";
            icb = "NHS " + region + " ICB";
            university = "University of " + region;
        }
    }

    private interface Template {
        Agreement.Builder make(Agreement.Builder b);
    }

    private Agreement realisticAgreement(String id) {
        Template[] templates = {
            this::sharedCareRecord, this::sharedCareRecord, this::sharedCareRecord, this::sharedCareRecord,
            this::communityPharmacy, this::communityPharmacy,
            this::gpContractExtraction, this::gpContractExtraction, this::gpContractExtraction,
            this::nationalAudit, this::nationalAudit,
            this::researchDatalink, this::researchDatalink, this::researchDatalink,
            this::populationHealth, this::populationHealth, this::populationHealth,
            this::commercialAnalytics, this::commercialAnalytics,
            this::publicHealthAggregate, this::publicHealthAggregate,
            this::expiredCopiNotice,
            this::inspection,
            this::commissioning, this::commissioning,
            this::universityStudy, this::universityStudy,
            this::practiceAsProcessor,
            this::sketchyRecord
        };
        Agreement.Builder b = Agreement.builder(id);
        double s = random.nextDouble();
        b.status(s < 0.84 ? Status.EXISTING : s < 0.97 ? Status.NEW_REQUEST : null);
        b.practiceRole(PracticeRole.CONTROLLER);
        b.lmcAdvice(realisticLmc());
        b.requestedBy(null);
        Agreement a = pick(templates).make(b).build();
        if (a.status() == Status.EXISTING && a.signedOn() == null) {
            LocalDate signed = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3900));
            a = a.toBuilder().signedOn(signed).reviewDue(signed.plusYears(3)).build();
        }
        if (a.status() == Status.NEW_REQUEST) {
            // A request not yet signed has no LMC advice yet, as a rule.
            a = a.toBuilder().lmcAdvice(chance(0.8) ? LmcAdvice.NONE : a.lmcAdvice()).build();
        }
        return chance(0.1) ? dropOneField(a) : a;
    }

    private LmcAdvice realisticLmc() {
        double r = random.nextDouble();
        return r < 0.6 ? LmcAdvice.NONE : r < 0.72 ? null : r < 0.86 ? LmcAdvice.KEEP : LmcAdvice.WITHDRAW;
    }

    private Party supplier(String instructedBy) {
        return new Party(context.supplier, PartyKind.GP_SYSTEM_SUPPLIER, PartyRole.PROCESSOR, instructedBy, null);
    }

    private Agreement.Builder directCareBasics(Agreement.Builder b) {
        return b.purposes(Purpose.DIRECT_CARE).legalRequirement(chance(0.8) ? LegalRequirement.none() : null)
                .article6Bases(Article6Basis.E).article9Conditions(Article9Condition.H)
                .commonLawBasis(CommonLawBasis.IMPLIED_CONSENT_DIRECT_CARE).identifiability(Identifiability.IDENTIFIABLE);
    }

    private Agreement.Builder sharedCareRecord(Agreement.Builder b) {
        List<Party> parties = new ArrayList<>();
        parties.add(new Party(context.acuteTrust, PartyKind.NHS_PROVIDER, PartyRole.JOINT_CONTROLLER, null, true));
        if (chance(0.7)) {
            parties.add(new Party(context.communityTrust, PartyKind.NHS_PROVIDER, PartyRole.JOINT_CONTROLLER, null,
                    chance(0.9) ? Boolean.TRUE : null));
        }
        if (chance(0.6)) {
            parties.add(new Party(context.council + " adult social care", PartyKind.LOCAL_AUTHORITY,
                    PartyRole.JOINT_CONTROLLER, null, true));
        }
        if (chance(0.15)) {
            parties.add(new Party(context.icb, PartyKind.ICB, PartyRole.RECIPIENT, null, false));
        }
        if (chance(0.3)) {
            parties.add(new Party("Riverside Hospice", PartyKind.CHARITY, PartyRole.RECIPIENT, null, true));
        }
        parties.add(supplier(chance(0.92) ? "PRACTICE" : context.acuteTrust));
        Collections.shuffle(parties, random);
        return directCareBasics(b).title(context.region + " Shared Care Record")
                .practiceRole(chance(0.5) ? PracticeRole.JOINT_CONTROLLER : PracticeRole.CONTROLLER)
                .parties(parties).commercialAccess(chance(0.5) ? Boolean.FALSE : null);
    }

    private Agreement.Builder communityPharmacy(Agreement.Builder b) {
        String name = pick("Harbour Pharmacy Ltd", "Boots UK Ltd", "Well Pharmacy", "Lakeside Care Homes Ltd");
        return directCareBasics(b).title(pick("Community pharmacy consultation service", "Care home record access",
                "Pharmacy First referrals"))
                .parties(new Party(name, PartyKind.COMMERCIAL, pick(PartyRole.RECIPIENT, PartyRole.CONTROLLER), null,
                        chance(0.9) ? Boolean.TRUE : null), supplier("PRACTICE"))
                .commercialAccess(chance(0.85) ? Boolean.FALSE : null);
    }

    private Agreement.Builder secondaryBasics(Agreement.Builder b) {
        return b.article6Bases(Article6Basis.E).article9Conditions(pick(Article9Condition.H, Article9Condition.J))
                .nationalDataOptOutApplied(chance(0.9)).type1OptOutApplied(chance(0.85))
                .commercialAccess(false).dpiaProvided(chance(0.85) ? Boolean.TRUE : chance(0.5) ? Boolean.FALSE : null)
                .icbAssessment(realisticIcb());
    }

    private IcbAssessment realisticIcb() {
        double r = random.nextDouble();
        if (r < 0.3) {
            return null;
        }
        LocalDate requested = CAMPAIGN_START.plusDays(random.nextInt(21));
        if (r < 0.4) {
            return new IcbAssessment(IcbStatus.NOT_REQUESTED, null, null, null);
        }
        if (r < 0.7) {
            return new IcbAssessment(IcbStatus.REQUESTED, null, requested, null);
        }
        double c = random.nextDouble();
        IcbConclusion conclusion = c < 0.45 ? IcbConclusion.NECESSARY_AND_LAWFUL : c < 0.6 ? IcbConclusion.NOT_NECESSARY
                : c < 0.72 ? IcbConclusion.LAWFULNESS_DOUBTFUL : c < 0.86 ? IcbConclusion.INCOMPLETE
                : IcbConclusion.DECLINED;
        return new IcbAssessment(IcbStatus.RECEIVED, conclusion, requested,
                requested.plusDays(7 + random.nextInt(35)));
    }

    private Agreement.Builder gpContractExtraction(Agreement.Builder b) {
        return secondaryBasics(b).title(pick("GP extraction for QOF and payments", "Vaccination payments extract",
                "Enhanced service payments (LES)"))
                .parties(new Party("NHS England", PartyKind.NHS_ENGLAND, PartyRole.CONTROLLER, null, false),
                        supplier("PRACTICE"))
                .purposes(Purpose.PAYMENT_AND_CONTRACT_MONITORING)
                .legalRequirement(new LegalRequirement(RequirementKind.GP_CONTRACT,
                        chance(0.9) ? pick("GMS contract: data collections for payment", "PMS agreement clause 9.3",
                                "LES specification, data section") : null, null))
                .article9Conditions(Article9Condition.H).commonLawBasis(CommonLawBasis.SECTION_251_SUPPORT)
                .identifiability(Identifiability.PSEUDONYMISED).nationalDataOptOutApplied(true)
                .type1OptOutApplied(true).dpiaProvided(true);
    }

    private Agreement.Builder nationalAudit(Agreement.Builder b) {
        return secondaryBasics(b).title(pick("National diabetes audit", "Cardiovascular disease prevention audit",
                "National cancer registration"))
                .parties(new Party("NHS England", PartyKind.NHS_ENGLAND, PartyRole.CONTROLLER, null, false),
                        supplier("PRACTICE"))
                .purposes(Purpose.SERVICE_PLANNING, Purpose.PUBLIC_HEALTH_SURVEILLANCE)
                .legalRequirement(new LegalRequirement(RequirementKind.STATUTORY_DIRECTION,
                        chance(0.85) ? "HSCA 2012 s254 direction and data provision notice" : null,
                        chance(0.1) ? LocalDate.of(2026, 3, 31) : null))
                .article9Conditions(Article9Condition.J).commonLawBasis(CommonLawBasis.LEGAL_REQUIREMENT)
                .identifiability(Identifiability.PSEUDONYMISED);
    }

    private Agreement.Builder researchDatalink(Agreement.Builder b) {
        boolean commercial = chance(0.35);
        return secondaryBasics(b).title(pick("Aurora Research Datalink", "National research database collection",
                "Trusted research environment feed"))
                .parties(new Party(pick("Aurora Research Datalink", "Office for Health Data"),
                        PartyKind.GOVERNMENT_AGENCY, PartyRole.CONTROLLER, null, false), supplier("PRACTICE"))
                .purposes(Purpose.RESEARCH)
                .legalRequirement(LegalRequirement.none())
                .article9Conditions(Article9Condition.J)
                .commonLawBasis(CommonLawBasis.SECTION_251_SUPPORT)
                .commonLawBasisExpires(chance(0.3) ? LocalDate.of(2025 + random.nextInt(3), 1 + random.nextInt(12), 1)
                        : null)
                .identifiability(Identifiability.PSEUDONYMISED).commercialAccess(commercial)
                .notes(commercial ? "Licenses pseudonymised extracts to pharmaceutical companies." : null);
    }

    private Agreement.Builder populationHealth(Agreement.Builder b) {
        boolean mixed = chance(0.4);
        List<Purpose> purposes = new ArrayList<>(List.of(Purpose.POPULATION_HEALTH_MANAGEMENT,
                Purpose.RISK_STRATIFICATION));
        if (mixed) {
            purposes.add(0, Purpose.DIRECT_CARE);
        }
        String analytics = pick("Helix Analytics Ltd", "Quantum Insight plc");
        List<Party> parties = new ArrayList<>();
        parties.add(new Party(context.icb, PartyKind.ICB, PartyRole.CONTROLLER, null, false));
        parties.add(supplier(chance(0.7) ? "PRACTICE" : context.icb));
        if (chance(0.4)) {
            parties.add(new Party(analytics, PartyKind.COMMERCIAL, PartyRole.PROCESSOR,
                    chance(0.8) ? context.icb : null, false));
        }
        return secondaryBasics(b).title(pick("ICB population health management", "Risk stratification for case finding",
                "Population health intelligence platform"))
                .parties(parties).purposes(purposes)
                .legalRequirement(chance(0.7) ? LegalRequirement.none()
                        : chance(0.5) ? new LegalRequirement(RequirementKind.OTHER_STATUTE, null, null) : null)
                .commonLawBasis(pick(CommonLawBasis.SECTION_251_SUPPORT, CommonLawBasis.IMPLIED_CONSENT_DIRECT_CARE,
                        CommonLawBasis.SECTION_251_SUPPORT))
                .identifiability(pick(Identifiability.PSEUDONYMISED, Identifiability.IDENTIFIABLE))
                .dpiaProvided(chance(0.5) ? Boolean.TRUE : chance(0.5) ? Boolean.FALSE : null);
    }

    private Agreement.Builder commercialAnalytics(Agreement.Builder b) {
        String company = pick("Helix Analytics Ltd", "Quantum Insight plc", "MedTech Innovations Ltd");
        return secondaryBasics(b).title(pick("Clinical decision support product development",
                "Prescribing analytics partnership", "AI model training data"))
                .parties(new Party(company, PartyKind.COMMERCIAL, pick(PartyRole.CONTROLLER, PartyRole.RECIPIENT), null,
                        false), supplier(chance(0.6) ? "PRACTICE" : company))
                .purposes(chance(0.6) ? List.of(Purpose.PRODUCT_DEVELOPMENT) : List.of(Purpose.RESEARCH,
                        Purpose.PRODUCT_DEVELOPMENT))
                .legalRequirement(LegalRequirement.none())
                .commonLawBasis(pick(CommonLawBasis.NONE_STATED, CommonLawBasis.IMPLIED_CONSENT_DIRECT_CARE,
                        CommonLawBasis.NOT_CONFIDENTIAL))
                .identifiability(Identifiability.PSEUDONYMISED).commercialAccess(true)
                .nationalDataOptOutApplied(chance(0.5)).dpiaProvided(chance(0.4) ? Boolean.TRUE : null);
    }

    private Agreement.Builder publicHealthAggregate(Agreement.Builder b) {
        return secondaryBasics(b).title(pick("Local authority public health dashboard", "Joint strategic needs assessment"))
                .parties(new Party(context.council + " public health", PartyKind.LOCAL_AUTHORITY, PartyRole.RECIPIENT,
                        null, false), supplier("PRACTICE"))
                .purposes(Purpose.PUBLIC_HEALTH_SURVEILLANCE, Purpose.SERVICE_PLANNING)
                .legalRequirement(LegalRequirement.none())
                .commonLawBasis(CommonLawBasis.NOT_CONFIDENTIAL).identifiability(Identifiability.ANONYMISED_AGGREGATE)
                .article9Conditions((List<Article9Condition>) null).nationalDataOptOutApplied(null)
                .type1OptOutApplied(null);
    }

    private Agreement.Builder expiredCopiNotice(Agreement.Builder b) {
        return secondaryBasics(b).title("COVID-19 pandemic data collection").status(Status.EXISTING)
                .parties(new Party("NHS England", PartyKind.NHS_ENGLAND, PartyRole.CONTROLLER, null, false),
                        supplier("PRACTICE"))
                .purposes(Purpose.PUBLIC_HEALTH_SURVEILLANCE, Purpose.RESEARCH)
                .legalRequirement(new LegalRequirement(RequirementKind.COPI_NOTICE, "COPI notice under reg 3(4), 2020",
                        LocalDate.of(2022, 6, 30)))
                .commonLawBasis(CommonLawBasis.LEGAL_REQUIREMENT).identifiability(Identifiability.IDENTIFIABLE)
                .nationalDataOptOutApplied(false);
    }

    private Agreement.Builder inspection(Agreement.Builder b) {
        return secondaryBasics(b).title("Care Quality Commission inspection access")
                .parties(new Party("Care Quality Commission", PartyKind.GOVERNMENT_AGENCY, PartyRole.CONTROLLER, null,
                        false))
                .purposes(Purpose.REGULATION_AND_INSPECTION)
                .legalRequirement(new LegalRequirement(RequirementKind.OTHER_STATUTE,
                        "Health and Social Care Act 2008 s64", null))
                .commonLawBasis(CommonLawBasis.LEGAL_REQUIREMENT).identifiability(Identifiability.IDENTIFIABLE);
    }

    private Agreement.Builder commissioning(Agreement.Builder b) {
        boolean joint = chance(0.4);
        return secondaryBasics(b).title(pick("Commissioning data set", "Secondary uses service feed",
                "Primary care network planning"))
                .practiceRole(joint ? PracticeRole.JOINT_CONTROLLER : PracticeRole.CONTROLLER)
                .parties(new Party(context.icb, PartyKind.ICB, joint ? PartyRole.JOINT_CONTROLLER : PartyRole.CONTROLLER,
                        null, false),
                        new Party("North and East Commissioning Support Unit", PartyKind.NHS_PROVIDER,
                                PartyRole.PROCESSOR, context.icb, false),
                        supplier(joint && chance(0.5) ? context.icb : "PRACTICE"))
                .purposes(Purpose.COMMISSIONING, Purpose.SERVICE_PLANNING)
                .legalRequirement(chance(0.8) ? LegalRequirement.none() : null)
                .commonLawBasis(CommonLawBasis.SECTION_251_SUPPORT).identifiability(Identifiability.PSEUDONYMISED);
    }

    private Agreement.Builder universityStudy(Agreement.Builder b) {
        return secondaryBasics(b).title(pick("Cohort study recruitment", "Asthma outcomes research study",
                "Trial feasibility counts"))
                .status(chance(0.6) ? Status.NEW_REQUEST : Status.EXISTING)
                .parties(new Party(context.university, PartyKind.UNIVERSITY, PartyRole.CONTROLLER, null, false))
                .purposes(Purpose.RESEARCH).legalRequirement(LegalRequirement.none())
                .commonLawBasis(pick(CommonLawBasis.EXPLICIT_CONSENT, CommonLawBasis.SECTION_251_SUPPORT))
                .identifiability(pick(Identifiability.IDENTIFIABLE, Identifiability.PSEUDONYMISED))
                .icbAssessment(null);
    }

    private Agreement.Builder practiceAsProcessor(Agreement.Builder b) {
        return secondaryBasics(b).title("PCN extended access hub").practiceRole(PracticeRole.PROCESSOR)
                .parties(new Party("Riverside PCN", PartyKind.GP_PRACTICE, PartyRole.CONTROLLER, null, true),
                        supplier("Riverside PCN"))
                .purposes(chance(0.5) ? List.of(Purpose.DIRECT_CARE) : List.of(Purpose.DIRECT_CARE,
                        Purpose.SERVICE_PLANNING))
                .legalRequirement(LegalRequirement.none()).commonLawBasis(CommonLawBasis.IMPLIED_CONSENT_DIRECT_CARE)
                .identifiability(Identifiability.IDENTIFIABLE);
    }

    private Agreement.Builder sketchyRecord(Agreement.Builder b) {
        // A register line with little more than a title: what an audit often starts from.
        return b.title(pick("Unnamed agreement found in shared drive", "Old data sharing form (2017)",
                "Agreement with unknown supplier"))
                .practiceRole(chance(0.5) ? null : PracticeRole.CONTROLLER)
                .purposes(chance(0.5) ? null : List.of(pick(secondaryPurposes())))
                .parties(chance(0.5) ? null : List.of(new Party(pick("Unknown Data Services Ltd", "Helix Analytics Ltd"),
                        null, null, null, null)));
    }

    private Agreement dropOneField(Agreement a) {
        Agreement.Builder b = a.toBuilder();
        switch (random.nextInt(9)) {
            case 0 -> b.identifiability(null);
            case 1 -> b.commonLawBasis(null);
            case 2 -> b.article6Bases((List<Article6Basis>) null);
            case 3 -> b.commercialAccess(null);
            case 4 -> b.legalRequirement(null);
            case 5 -> b.dpiaProvided(null);
            case 6 -> b.practiceRole(null);
            case 7 -> b.nationalDataOptOutApplied(null);
            default -> b.status(null);
        }
        return b.build();
    }

    // ------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------

    private static Purpose[] secondaryPurposes() {
        return Arrays.stream(Purpose.values()).filter(Purpose::isSecondary).toArray(Purpose[]::new);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private double rate(double... values) {
        return values[random.nextInt(values.length)];
    }

    /** Null with {@code nullRate}; else {@code good} with {@code goodRate} (when given); else any value. */
    private <E> E value(E[] values, double nullRate, double goodRate, E good) {
        if (chance(nullRate)) {
            return null;
        }
        if (good != null && chance(goodRate)) {
            return good;
        }
        return pick(values);
    }

    private Boolean bool(double nullRate, double goodRate, boolean good) {
        if (chance(nullRate)) {
            return null;
        }
        if (chance(goodRate)) {
            return good;
        }
        return random.nextBoolean();
    }

    /** Absent, empty, or one to three values (repeats possible: they count once). */
    private <E> List<E> list(E[] values, double nullRate, double good) {
        if (chance(nullRate)) {
            return null;
        }
        if (chance(0.12 * (1 - good))) {
            return List.of();
        }
        int n = 1 + random.nextInt(3);
        List<E> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(pick(values));
        }
        return out;
    }
}
