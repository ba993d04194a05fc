package org.dsarules.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One data sharing agreement of a practice's register, as {@code record-format.md} defines it.
 *
 * <p>Every component but {@code id} may be null, and null always means <em>not known</em>: it is
 * never read as {@code false}, empty or {@code NONE}. An empty {@code purposes} list also means
 * not known. Lists keep their order, hold no null (a null element is refused, naming its position:
 * {@code parties[1] is null}) and count a repeated value once. Instances are immutable.
 *
 * <p>Build them with {@link #builder(String)} (or {@link #toBuilder()}): the canonical constructor is
 * public because this is a record, but it is <em>not</em> API. A field the format adds in a minor
 * version becomes a new component, which changes the constructor's arguments; the builder only gains
 * a method (docs/api.md, "How the API evolves").
 *
 * <p>{@code programme} (a name for the same agreement across practices) is read by the default rules
 * only through the catalogue of known programmes; a local rule may match it with
 * {@link #programmeIs(String)}. {@code history} (the changes applied to the agreement, oldest first; null
 * when there are none, never empty) is carried through and never read by the rules.
 */
public record Agreement(
        String id,
        String title,
        Status status,
        String requestedBy,
        LocalDate signedOn,
        LocalDate reviewDue,
        PracticeRole practiceRole,
        List<Party> parties,
        List<Purpose> purposes,
        LegalRequirement legalRequirement,
        List<Article6Basis> article6Bases,
        List<Article9Condition> article9Conditions,
        CommonLawBasis commonLawBasis,
        LocalDate commonLawBasisExpires,
        Identifiability identifiability,
        Boolean nationalDataOptOutApplied,
        Boolean type1OptOutApplied,
        Boolean commercialAccess,
        Boolean dpiaProvided,
        IcbAssessment icbAssessment,
        LmcAdvice lmcAdvice,
        String notes,
        String programme,
        List<HistoryEntry> history) {

    public Agreement {
        Objects.requireNonNull(id, "agreement id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("agreement id is blank");
        }
        parties = Text.copyOf(parties, "parties");
        purposes = Text.distinct(purposes, "purposes");
        article6Bases = Text.distinct(article6Bases, "article6Bases");
        article9Conditions = Text.distinct(article9Conditions, "article9Conditions");
        history = history == null || history.isEmpty() ? null : Text.copyOf(history, "history");
    }

    /**
     * Confidential data in the sense of the common law duty: identifiable or pseudonymised.
     * False while {@code identifiability} is not known.
     */
    public boolean isConfidential() {
        return identifiability == Identifiability.IDENTIFIABLE || identifiability == Identifiability.PSEUDONYMISED;
    }

    /** Personal data: anything but anonymised aggregates, so also when {@code identifiability} is not known. */
    public boolean isPersonalData() {
        return identifiability != Identifiability.ANONYMISED_AGGREGATE;
    }

    /**
     * Whether the agreement's {@code programme} is {@code name}, ignoring case and white space
     * ({@code Agreement( programmeIs("CPRD") )}); false while the programme is not known. The same match as
     * the programme key that {@code dsa-audit answer} applies LMC advice by, so that a rule never depends
     * on how a register capitalises or spaces a name.
     */
    public boolean programmeIs(String name) {
        return programme != null && name != null && squeezed(programme).equals(squeezed(name))
                && !squeezed(name).isEmpty();
    }

    private static String squeezed(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether the agreement's {@code title} contains {@code words}, ignoring case
     * ({@code Agreement( titleContains("shared care record") )}); false while the title is not known.
     */
    public boolean titleContains(String words) {
        return title != null && words != null
                && title.toLowerCase(java.util.Locale.ROOT).contains(words.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** The parties, or an empty list when they are not known; for rules that iterate them. */
    public List<Party> partyList() {
        return parties == null ? List.of() : parties;
    }

    /** A builder whose every field starts as not known. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder that starts from this agreement's values. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.title = title;
        b.programme = programme;
        b.status = status;
        b.requestedBy = requestedBy;
        b.signedOn = signedOn;
        b.reviewDue = reviewDue;
        b.practiceRole = practiceRole;
        b.parties = parties;
        b.purposes = purposes;
        b.legalRequirement = legalRequirement;
        b.article6Bases = article6Bases;
        b.article9Conditions = article9Conditions;
        b.commonLawBasis = commonLawBasis;
        b.commonLawBasisExpires = commonLawBasisExpires;
        b.identifiability = identifiability;
        b.nationalDataOptOutApplied = nationalDataOptOutApplied;
        b.type1OptOutApplied = type1OptOutApplied;
        b.commercialAccess = commercialAccess;
        b.dpiaProvided = dpiaProvided;
        b.icbAssessment = icbAssessment;
        b.lmcAdvice = lmcAdvice;
        b.notes = notes;
        b.history = history;
        return b;
    }

    /** Mutable builder for {@link Agreement}; a field never set stays not known. */
    public static final class Builder {
        private String id;
        private String title;
        private String programme;
        private Status status;
        private String requestedBy;
        private LocalDate signedOn;
        private LocalDate reviewDue;
        private PracticeRole practiceRole;
        private List<Party> parties;
        private List<Purpose> purposes;
        private LegalRequirement legalRequirement;
        private List<Article6Basis> article6Bases;
        private List<Article9Condition> article9Conditions;
        private CommonLawBasis commonLawBasis;
        private LocalDate commonLawBasisExpires;
        private Identifiability identifiability;
        private Boolean nationalDataOptOutApplied;
        private Boolean type1OptOutApplied;
        private Boolean commercialAccess;
        private Boolean dpiaProvided;
        private IcbAssessment icbAssessment;
        private LmcAdvice lmcAdvice;
        private String notes;
        private List<HistoryEntry> history;

        private Builder(String id) {
            this.id = id;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder programme(String v) { programme = v; return this; }
        public Builder status(Status v) { status = v; return this; }
        public Builder requestedBy(String v) { requestedBy = v; return this; }
        public Builder signedOn(LocalDate v) { signedOn = v; return this; }
        public Builder reviewDue(LocalDate v) { reviewDue = v; return this; }
        public Builder practiceRole(PracticeRole v) { practiceRole = v; return this; }
        public Builder parties(List<Party> v) { parties = v; return this; }
        public Builder parties(Party... v) { parties = Text.listOf("parties", v); return this; }
        public Builder purposes(List<Purpose> v) { purposes = v; return this; }
        public Builder purposes(Purpose... v) { purposes = Text.listOf("purposes", v); return this; }
        public Builder legalRequirement(LegalRequirement v) { legalRequirement = v; return this; }
        public Builder article6Bases(List<Article6Basis> v) { article6Bases = v; return this; }
        public Builder article6Bases(Article6Basis... v) { article6Bases = Text.listOf("article6Bases", v); return this; }
        public Builder article9Conditions(List<Article9Condition> v) { article9Conditions = v; return this; }
        public Builder article9Conditions(Article9Condition... v) { article9Conditions = Text.listOf("article9Conditions", v); return this; }
        public Builder commonLawBasis(CommonLawBasis v) { commonLawBasis = v; return this; }
        public Builder commonLawBasisExpires(LocalDate v) { commonLawBasisExpires = v; return this; }
        public Builder identifiability(Identifiability v) { identifiability = v; return this; }
        public Builder nationalDataOptOutApplied(Boolean v) { nationalDataOptOutApplied = v; return this; }
        public Builder type1OptOutApplied(Boolean v) { type1OptOutApplied = v; return this; }
        public Builder commercialAccess(Boolean v) { commercialAccess = v; return this; }
        public Builder dpiaProvided(Boolean v) { dpiaProvided = v; return this; }
        public Builder icbAssessment(IcbAssessment v) { icbAssessment = v; return this; }
        public Builder lmcAdvice(LmcAdvice v) { lmcAdvice = v; return this; }
        public Builder notes(String v) { notes = v; return this; }
        public Builder history(List<HistoryEntry> v) { history = v; return this; }

        public Agreement build() {
            return new Agreement(id, title, status, requestedBy, signedOn, reviewDue, practiceRole, parties, purposes,
                    legalRequirement, article6Bases, article9Conditions, commonLawBasis, commonLawBasisExpires,
                    identifiability, nationalDataOptOutApplied, type1OptOutApplied, commercialAccess, dpiaProvided,
                    icbAssessment, lmcAdvice, notes, programme, history);
        }
    }

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof Agreement that
                && Objects.equals(id, that.id)
                && Objects.equals(title, that.title)
                && Objects.equals(status, that.status)
                && Objects.equals(requestedBy, that.requestedBy)
                && Objects.equals(signedOn, that.signedOn)
                && Objects.equals(reviewDue, that.reviewDue)
                && Objects.equals(practiceRole, that.practiceRole)
                && Objects.equals(parties, that.parties)
                && Objects.equals(purposes, that.purposes)
                && Objects.equals(legalRequirement, that.legalRequirement)
                && Objects.equals(article6Bases, that.article6Bases)
                && Objects.equals(article9Conditions, that.article9Conditions)
                && Objects.equals(commonLawBasis, that.commonLawBasis)
                && Objects.equals(commonLawBasisExpires, that.commonLawBasisExpires)
                && Objects.equals(identifiability, that.identifiability)
                && Objects.equals(nationalDataOptOutApplied, that.nationalDataOptOutApplied)
                && Objects.equals(type1OptOutApplied, that.type1OptOutApplied)
                && Objects.equals(commercialAccess, that.commercialAccess)
                && Objects.equals(dpiaProvided, that.dpiaProvided)
                && Objects.equals(icbAssessment, that.icbAssessment)
                && Objects.equals(lmcAdvice, that.lmcAdvice)
                && Objects.equals(notes, that.notes)
                && Objects.equals(programme, that.programme)
                && Objects.equals(history, that.history);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(id);
        h = 31 * h + Objects.hashCode(title);
        h = 31 * h + Objects.hashCode(status);
        h = 31 * h + Objects.hashCode(requestedBy);
        h = 31 * h + Objects.hashCode(signedOn);
        h = 31 * h + Objects.hashCode(reviewDue);
        h = 31 * h + Objects.hashCode(practiceRole);
        h = 31 * h + Objects.hashCode(parties);
        h = 31 * h + Objects.hashCode(purposes);
        h = 31 * h + Objects.hashCode(legalRequirement);
        h = 31 * h + Objects.hashCode(article6Bases);
        h = 31 * h + Objects.hashCode(article9Conditions);
        h = 31 * h + Objects.hashCode(commonLawBasis);
        h = 31 * h + Objects.hashCode(commonLawBasisExpires);
        h = 31 * h + Objects.hashCode(identifiability);
        h = 31 * h + Objects.hashCode(nationalDataOptOutApplied);
        h = 31 * h + Objects.hashCode(type1OptOutApplied);
        h = 31 * h + Objects.hashCode(commercialAccess);
        h = 31 * h + Objects.hashCode(dpiaProvided);
        h = 31 * h + Objects.hashCode(icbAssessment);
        h = 31 * h + Objects.hashCode(lmcAdvice);
        h = 31 * h + Objects.hashCode(notes);
        h = 31 * h + Objects.hashCode(programme);
        h = 31 * h + Objects.hashCode(history);
        return h;
    }

    @Override
    public String toString() {
        return "Agreement[id=" + id
                + ", title=" + title
                + ", status=" + status
                + ", requestedBy=" + requestedBy
                + ", signedOn=" + signedOn
                + ", reviewDue=" + reviewDue
                + ", practiceRole=" + practiceRole
                + ", parties=" + parties
                + ", purposes=" + purposes
                + ", legalRequirement=" + legalRequirement
                + ", article6Bases=" + article6Bases
                + ", article9Conditions=" + article9Conditions
                + ", commonLawBasis=" + commonLawBasis
                + ", commonLawBasisExpires=" + commonLawBasisExpires
                + ", identifiability=" + identifiability
                + ", nationalDataOptOutApplied=" + nationalDataOptOutApplied
                + ", type1OptOutApplied=" + type1OptOutApplied
                + ", commercialAccess=" + commercialAccess
                + ", dpiaProvided=" + dpiaProvided
                + ", icbAssessment=" + icbAssessment
                + ", lmcAdvice=" + lmcAdvice
                + ", notes=" + notes
                + ", programme=" + programme
                + ", history=" + history + "]";
    }
}
