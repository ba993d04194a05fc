package org.dsarules.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.Article9Condition;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.Identifiability;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.PracticeRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;

/**
 * Fills one agreement from one entry ({@code record-format.md} v1.2, "Known programmes"): a field the
 * register leaves not known takes the catalogue's value; a field the register holds is kept, and a
 * contradiction is reported. Comparing is per field:
 * <ul>
 * <li>a list ({@code purposes}, {@code article6Bases}, {@code article9Conditions}) contradicts when its
 * values differ as a set (the register's {@code [RESEARCH]} against the catalogue's
 * {@code [RESEARCH; SERVICE_PLANNING]} is reported, both shown); an empty {@code purposes} is not known,
 * but an empty {@code article6Bases} or {@code article9Conditions} says that none is stated and is kept;
 * <li>{@code parties}: a register without parties takes the catalogue's; otherwise each catalogue party
 * is looked for by name among the register's, and its {@code kind}, {@code role}, {@code instructedBy}
 * and {@code directCareProvider} fill or contradict that party's (a catalogue party the register does
 * not name is not added: the register lists the parties of its own agreement);
 * <li>{@code legalRequirement}: the kind fills when the register's is not known; the reference and the
 * expiry fill only when the register's duty is the catalogue's kind (the reference of another duty would
 * be evidence of nothing). A reference the register gives is kept without a warning even when worded
 * differently: it names an instrument in the practice's words, and wording is no contradiction;
 * <li>anything else: equal or not.
 * </ul>
 */
final class Filler {
    private final Agreement register;
    private final CatalogueEntry entry;
    private final Agreement.Builder out;
    private final Map<String, List<String>> filled = new LinkedHashMap<>();
    private final List<CatalogueConflict> conflicts = new ArrayList<>();
    private LocalDate oldest;

    private Filler(Agreement register, CatalogueEntry entry) {
        this.register = register;
        this.entry = entry;
        this.out = register.toBuilder();
    }

    static CatalogueFill fill(Agreement register, CatalogueEntry entry) {
        Objects.requireNonNull(register, "agreement");
        Objects.requireNonNull(entry, "entry");
        return new Filler(register, entry).run();
    }

    private CatalogueFill run() {
        scalar("practiceRole", Agreement::practiceRole, (b, v) -> b.practiceRole((PracticeRole) v));
        parties();
        list("purposes", Agreement::purposes, (b, v) -> b.purposes(cast(v, Purpose.class)), true);
        legalRequirement();
        list("article6Bases", Agreement::article6Bases, (b, v) -> b.article6Bases(cast(v, Article6Basis.class)), false);
        list("article9Conditions", Agreement::article9Conditions,
                (b, v) -> b.article9Conditions(cast(v, Article9Condition.class)), false);
        scalar("commonLawBasis", Agreement::commonLawBasis, (b, v) -> b.commonLawBasis((CommonLawBasis) v));
        scalar("commonLawBasisExpires", Agreement::commonLawBasisExpires,
                (b, v) -> b.commonLawBasisExpires((LocalDate) v));
        scalar("identifiability", Agreement::identifiability, (b, v) -> b.identifiability((Identifiability) v));
        scalar("nationalDataOptOutApplied", Agreement::nationalDataOptOutApplied,
                (b, v) -> b.nationalDataOptOutApplied((Boolean) v));
        scalar("type1OptOutApplied", Agreement::type1OptOutApplied, (b, v) -> b.type1OptOutApplied((Boolean) v));
        scalar("commercialAccess", Agreement::commercialAccess, (b, v) -> b.commercialAccess((Boolean) v));
        Agreement result = filled.isEmpty() ? register : out.build();
        return new CatalogueFill(result, entry, oldest == null ? entry.checked() : oldest, filled, conflicts);
    }

    private void scalar(String field, Function<Agreement, Object> get, BiConsumer<Agreement.Builder, Object> set) {
        entry.fact(field).ifPresent(f -> {
            Object mine = get.apply(register);
            if (mine == null) {
                set.accept(out, f.value());
                filled(field, f);
            } else if (!mine.equals(f.value())) {
                conflict(field, mine, f);
            }
        });
    }

    private void list(String field, Function<Agreement, List<?>> get, BiConsumer<Agreement.Builder, Object> set,
            boolean emptyIsUnknown) {
        entry.fact(field).ifPresent(f -> {
            List<?> mine = get.apply(register);
            if (mine == null || (emptyIsUnknown && mine.isEmpty())) {
                set.accept(out, f.value());
                filled(field, f);
            } else if (!new HashSet<>(mine).equals(new HashSet<>((List<?>) f.value()))) {
                conflict(field, mine.isEmpty() ? "an empty list" : mine, f);
            }
        });
    }

    private void parties() {
        entry.fact("parties").ifPresent(f -> {
            List<Party> theirs = cast(f.value(), Party.class);
            List<Party> mine = register.parties();
            if (mine == null || mine.isEmpty()) {
                out.parties(theirs);
                filled("parties", f);
                return;
            }
            List<Party> merged = new ArrayList<>(mine);
            for (Party t : theirs) {
                for (int i = 0; i < merged.size(); i++) {
                    if (merged.get(i).isNamed(t.name())) {
                        merged.set(i, party(i, merged.get(i), t, f));
                        break;
                    }
                }
            }
            out.parties(merged);
        });
    }

    /** The register's party {@code p} (at {@code index}) with what it leaves not known taken from {@code t}. */
    private Party party(int index, Party p, Party t, CatalogueFact f) {
        String at = "parties[" + index + "].";
        Object kind = member(at + "kind", p.kind(), t.kind(), f);
        Object role = member(at + "role", p.role(), t.role(), f);
        // A blank or placeholder instructedBy is not known (decision-policy.md v1.2): the catalogue may fill it.
        String mineBy = known(p.instructedBy()) ? p.instructedBy() : null;
        Object by = mineBy != null && t.instructedBy() != null
                && mineBy.strip().equalsIgnoreCase(t.instructedBy().strip())
                        ? p.instructedBy() : member(at + "instructedBy", mineBy, t.instructedBy(), f);
        if (by == null) {
            by = p.instructedBy(); // nothing to fill it with: the register's word stays as typed
        }
        Object care = member(at + "directCareProvider", p.directCareProvider(), t.directCareProvider(), f);
        return new Party(p.name(), (org.dsarules.model.PartyKind) kind, (org.dsarules.model.PartyRole) role,
                (String) by, (Boolean) care);
    }

    private Object member(String path, Object mine, Object theirs, CatalogueFact f) {
        if (theirs == null) {
            return mine;
        }
        if (mine == null) {
            filled(path, f);
            return theirs;
        }
        if (!mine.equals(theirs)) {
            conflicts.add(new CatalogueConflict(entry.id(), path, CatalogueFact.text(mine),
                    CatalogueFact.text(theirs), f.sources(), f.checked()));
        }
        return mine;
    }

    private void legalRequirement() {
        CatalogueFact kindFact = entry.fact("legalRequirement.kind").orElse(null);
        if (kindFact == null) {
            return;
        }
        LegalRequirement mine = register.legalRequirement();
        RequirementKind kind = mine == null ? null : mine.kind();
        String reference = mine == null ? null : mine.reference();
        LocalDate expiresOn = mine == null ? null : mine.expiresOn();
        RequirementKind theirs = (RequirementKind) kindFact.value();
        if (kind == null) {
            kind = theirs;
            filled("legalRequirement.kind", kindFact);
        } else if (kind != theirs) {
            conflict("legalRequirement.kind", kind, kindFact);
            return;
        }
        CatalogueFact ref = entry.fact("legalRequirement.reference").orElse(null);
        // A blank reference or a placeholder word ("TBC") is not known (decision-policy.md v1.2,
        // LegalRequirement.hasReference()): the catalogue's instrument fills it.
        if (ref != null && !known(reference)) {
            reference = (String) ref.value();
            filled("legalRequirement.reference", ref);
        }
        CatalogueFact exp = entry.fact("legalRequirement.expiresOn").orElse(null);
        if (exp != null) {
            if (expiresOn == null) {
                expiresOn = (LocalDate) exp.value();
                filled("legalRequirement.expiresOn", exp);
            } else if (!expiresOn.equals(exp.value())) {
                conflict("legalRequirement.expiresOn", expiresOn, exp);
            }
        }
        out.legalRequirement(new LegalRequirement(kind, reference, expiresOn));
    }

    /** Whether a text the rules read holds a value: not null, not blank, not only a placeholder word. */
    private static boolean known(String text) {
        return text != null && !text.isBlank() && !org.dsarules.model.Placeholders.isPlaceholder(text);
    }

    private void filled(String path, CatalogueFact f) {
        filled.put(path, f.sources());
        if (oldest == null || f.checked().isBefore(oldest)) {
            oldest = f.checked();
        }
    }

    private void conflict(String field, Object mine, CatalogueFact f) {
        conflicts.add(new CatalogueConflict(entry.id(), field, CatalogueFact.text(mine), f.valueText(),
                f.sources(), f.checked()));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object list, Class<T> type) {
        for (Object o : (List<?>) list) {
            type.cast(o);
        }
        return (List<T>) list;
    }
}
