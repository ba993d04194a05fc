package org.dsarules.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dsarules.decision.ErrorCode;
import org.dsarules.internal.Suggest;
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
 * The catalogue of an agreement's fields, one entry per field path of {@code record-format.md}
 * ({@code status}, {@code purposes}, {@code legalRequirement.kind}, {@code parties[N].role},
 * {@code icbAssessment.conclusion}, ...): its kind, the values it allows in the words a
 * questionnaire's {@code allowed} column shows, and a setter that reads a cell in the spreadsheet
 * cell syntax ({@link CellSyntax}) into a new agreement. For questionnaires and answers (what the ICB
 * may fill in), and for "what would settle it" (deciding again with each allowed value).
 *
 * <p>{@code id} and {@code history} are not in the catalogue: an answer never changes which agreement
 * it is, and history is written by whoever applies an answer. Setting a field does nothing else:
 * the rules of applying a questionnaire (an answered {@code icbAssessment.conclusion} also sets the
 * status to {@code RECEIVED}) belong to whoever applies it.
 */
public final class Fields {
    /** Most parties and purposes one agreement may have (record-format.md). */
    public static final int MAX_LIST_SIZE = 1_000;

    /** What a field holds. */
    public enum Kind {
        /** One value of an enum. */
        ENUM,
        /** A list of values of an enum, separated by {@code ;} in a cell. */
        ENUM_LIST,
        /** A date. */
        DATE,
        /** True or false. */
        BOOLEAN,
        /** Free text. */
        TEXT
    }

    /**
     * One field of the catalogue.
     *
     * @param path   its path; a party's fields are {@code parties[N].name} and so on, N standing for the index
     * @param kind   what it holds
     * @param values the values it allows: an enum's names, {@code true} and {@code false} for a
     *               boolean, none for a date or text (any date, any text)
     */
    public record Field(String path, Kind kind, List<String> values) {
        public Field {
            values = List.copyOf(values);
        }

        /**
         * The allowed values as a questionnaire's {@code allowed} column shows them:
         * {@code one of: NONE, GP_CONTRACT, ...}, {@code one or more of, separated by ;: ...},
         * {@code date}, {@code true or false}, {@code text}.
         */
        public String allowed() {
            return switch (kind) {
                case ENUM -> "one of: " + String.join(", ", values);
                case ENUM_LIST -> "one or more of, separated by ;: " + String.join(", ", values);
                case DATE -> "date";
                case BOOLEAN -> "true or false";
                case TEXT -> "text";
            };
        }

        /** Whether this is a field of each party, its path holding {@code N} for the index. */
        public boolean isPartyField() {
            return path.startsWith(PARTY_PREFIX);
        }
    }

    /** Reads and writes one field's value on an agreement; {@code index} is the party's, or -1. */
    private record Access(Field field, Class<?> type, Getter get, Setter set, BiConsumer<Agreement.Builder, Object> build) {
    }

    /**
     * A top-level field of one value or one list (not {@code id}, not a party's or a nested object's
     * field), for the readers and writers of the register's forms, which handle these alike by kind.
     *
     * @param field what the catalogue says of it
     * @param type  its enum type, or {@code String}, {@code Boolean}, {@code LocalDate}
     */
    public record TopLevel(Field field, Class<?> type, Function<Agreement, Object> get, BiConsumer<Agreement.Builder, Object> set) {
    }

    /** The top-level field of this name, or empty. */
    public static Optional<TopLevel> topLevel(String name) {
        // Asked once per field of every record read: a map, not a search of the catalogue.
        return Optional.ofNullable(TopLevelByName.MAP.get(name));
    }

    /** The top-level fields by path, first entry of a path winning; built on first use, after {@link #ACCESS}. */
    private static final class TopLevelByName {
        static final Map<String, TopLevel> MAP = build();

        private static Map<String, TopLevel> build() {
            Map<String, TopLevel> m = new HashMap<>();
            for (Access x : ACCESS) {
                if (x.build() != null) {
                    m.putIfAbsent(x.field().path(), new TopLevel(x.field(), x.type(), a -> x.get().get(a, -1), x.build()));
                }
            }
            return Map.copyOf(m);
        }
    }

    private interface Getter {
        Object get(Agreement a, int index);
    }

    private interface Setter {
        Agreement set(Agreement a, int index, Object value);
    }

    private static final String PARTY_PREFIX = "parties[N].";
    private static final Pattern PARTY_PATH = Pattern.compile("parties\\[(0|[1-9][0-9]{0,8})\\]\\.([A-Za-z0-9]+)");

    private static final List<Access> ACCESS = List.of(
            top("title", Kind.TEXT, String.class, Agreement::title, Agreement.Builder::title),
            top("status", Kind.ENUM, Status.class, Agreement::status, Agreement.Builder::status),
            top("requestedBy", Kind.TEXT, String.class, Agreement::requestedBy, Agreement.Builder::requestedBy),
            top("signedOn", Kind.DATE, LocalDate.class, Agreement::signedOn, Agreement.Builder::signedOn),
            top("reviewDue", Kind.DATE, LocalDate.class, Agreement::reviewDue, Agreement.Builder::reviewDue),
            top("practiceRole", Kind.ENUM, PracticeRole.class, Agreement::practiceRole, Agreement.Builder::practiceRole),
            party("name", Kind.TEXT, String.class, Party::name),
            party("kind", Kind.ENUM, PartyKind.class, Party::kind),
            party("role", Kind.ENUM, PartyRole.class, Party::role),
            party("instructedBy", Kind.TEXT, String.class, Party::instructedBy),
            party("directCareProvider", Kind.BOOLEAN, Boolean.class, Party::directCareProvider),
            top("purposes", Kind.ENUM_LIST, Purpose.class, Agreement::purposes, Agreement.Builder::purposes),
            legal("kind", Kind.ENUM, RequirementKind.class, LegalRequirement::kind),
            legal("reference", Kind.TEXT, String.class, LegalRequirement::reference),
            legal("expiresOn", Kind.DATE, LocalDate.class, LegalRequirement::expiresOn),
            top("article6Bases", Kind.ENUM_LIST, Article6Basis.class, Agreement::article6Bases,
                    Agreement.Builder::article6Bases),
            top("article9Conditions", Kind.ENUM_LIST, Article9Condition.class, Agreement::article9Conditions,
                    Agreement.Builder::article9Conditions),
            top("commonLawBasis", Kind.ENUM, CommonLawBasis.class, Agreement::commonLawBasis,
                    Agreement.Builder::commonLawBasis),
            top("commonLawBasisExpires", Kind.DATE, LocalDate.class, Agreement::commonLawBasisExpires,
                    Agreement.Builder::commonLawBasisExpires),
            top("identifiability", Kind.ENUM, Identifiability.class, Agreement::identifiability,
                    Agreement.Builder::identifiability),
            top("nationalDataOptOutApplied", Kind.BOOLEAN, Boolean.class, Agreement::nationalDataOptOutApplied,
                    Agreement.Builder::nationalDataOptOutApplied),
            top("type1OptOutApplied", Kind.BOOLEAN, Boolean.class, Agreement::type1OptOutApplied,
                    Agreement.Builder::type1OptOutApplied),
            top("commercialAccess", Kind.BOOLEAN, Boolean.class, Agreement::commercialAccess,
                    Agreement.Builder::commercialAccess),
            top("dpiaProvided", Kind.BOOLEAN, Boolean.class, Agreement::dpiaProvided, Agreement.Builder::dpiaProvided),
            icb("status", Kind.ENUM, IcbStatus.class, IcbAssessment::status),
            icb("conclusion", Kind.ENUM, IcbConclusion.class, IcbAssessment::conclusion),
            icb("requestedOn", Kind.DATE, LocalDate.class, IcbAssessment::requestedOn),
            icb("receivedOn", Kind.DATE, LocalDate.class, IcbAssessment::receivedOn),
            top("lmcAdvice", Kind.ENUM, LmcAdvice.class, Agreement::lmcAdvice, Agreement.Builder::lmcAdvice),
            top("notes", Kind.TEXT, String.class, Agreement::notes, Agreement.Builder::notes),
            top("programme", Kind.TEXT, String.class, Agreement::programme, Agreement.Builder::programme));

    private static final List<Field> ALL = ACCESS.stream().map(Access::field).toList();

    private Fields() {
    }

    /** Every field, in {@code record-format.md} order; a party's fields once, with {@code N} for the index. */
    public static List<Field> all() {
        return ALL;
    }

    /** The field a path names ({@code parties[2].role} gives {@code parties[N].role}), or empty when there is none. */
    public static Optional<Field> field(String path) {
        return access(path).map(Access::field);
    }

    /**
     * The agreement with the field at {@code path} set from a cell: an empty cell makes it not known.
     *
     * @param path     a field path ({@code legalRequirement.kind}, {@code parties[2].role})
     * @param cellText the value in the spreadsheet cell syntax; null or blank for not known
     * @return a new agreement; {@code a} is not changed
     * @throws FieldException naming the path and the value, when the path is not a field of the
     *                        catalogue, the agreement has no such party, or the value is not allowed
     */
    public static Agreement set(Agreement a, String path, String cellText) {
        Objects.requireNonNull(a, "agreement");
        Objects.requireNonNull(path, "path");
        Access access = access(path).orElseThrow(() -> unknown(path));
        int index = partyIndex(path, access);
        if (index >= 0) {
            int size = a.partyList().size();
            boolean adds = index == size && access.field().path().equals(PARTY_PREFIX + "name");
            if (index > size || index == size && !adds) {
                throw new FieldException(path, ErrorCode.UNKNOWN_FIELD, path + ": the agreement has "
                        + (size == 0 ? "no parties" : size + (size == 1 ? " party (parties[0])" : " parties (parties[0] to parties["
                        + (size - 1) + "])")) + "; a new party is added by giving parties[" + size + "].name");
            }
        }
        Object value;
        try {
            value = CellSyntax.isAbsent(cellText) ? null : parse(access, cellText);
        } catch (CellSyntax.BadCell e) {
            throw new FieldException(path, e.code(), path + ": " + e.getMessage());
        }
        if (value == null && access.field().path().equals(PARTY_PREFIX + "name")) {
            throw new FieldException(path, ErrorCode.MISSING_VALUE, path + ": blank; every party needs a name");
        }
        return access.set().set(a, index, value);
    }

    /**
     * The field's value on the agreement as a cell would show it ({@link CellSyntax#cell}), or null when
     * it is not known (or the agreement has no such party).
     *
     * @throws FieldException when the path is not a field of the catalogue
     */
    public static String get(Agreement a, String path) {
        Access access = access(path).orElseThrow(() -> unknown(path));
        int index = partyIndex(path, access);
        if (index >= a.partyList().size()) {
            return null;
        }
        return CellSyntax.cell(access.get().get(a, index));
    }

    /** A path that is not a field, a party the agreement does not have, or a value the field does not allow. */
    public static final class FieldException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final ErrorCode code;

        FieldException(String path, ErrorCode code, String message) {
            super(message);
            this.path = path;
            this.code = code;
        }

        /** The path as given. */
        public String path() {
            return path;
        }

        /** What kind of problem it is. */
        public ErrorCode code() {
            return code;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Access access, String cell) {
        return switch (access.field().kind()) {
            case ENUM -> CellSyntax.enumValue(cell, (Class) access.type());
            case ENUM_LIST -> CellSyntax.enumList(cell, (Class) access.type(), MAX_LIST_SIZE);
            case DATE -> CellSyntax.date(cell);
            case BOOLEAN -> CellSyntax.bool(cell);
            case TEXT -> CellSyntax.text(cell);
        };
    }

    private static Optional<Access> access(String path) {
        Matcher m = PARTY_PATH.matcher(path);
        String key = m.matches() ? PARTY_PREFIX + m.group(2) : path;
        return ACCESS.stream().filter(x -> x.field().path().equals(key)).findFirst();
    }

    private static int partyIndex(String path, Access access) {
        if (!access.field().isPartyField()) {
            return -1;
        }
        Matcher m = PARTY_PATH.matcher(path);
        m.matches();
        return Integer.parseInt(m.group(1));
    }

    private static FieldException unknown(String path) {
        List<String> paths = ALL.stream().map(Field::path).collect(Collectors.toList());
        Optional<String> near = Suggest.nearest(path.replaceAll("\\[[0-9]+\\]", "[N]"), paths);
        return new FieldException(path, ErrorCode.UNKNOWN_FIELD, Messages.quote(path) + " is not a field an answer can set"
                + near.map(n -> " (did you mean " + n + "?)").orElse("; the fields are " + String.join(", ", paths)));
    }

    private static List<String> values(Kind kind, Class<?> type) {
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
        }
        return kind == Kind.BOOLEAN ? List.of("true", "false") : List.of();
    }

    @SuppressWarnings("unchecked")
    private static <T> Access top(String path, Kind kind, Class<?> type, Function<Agreement, T> get,
            BiConsumer<Agreement.Builder, T> set) {
        return new Access(new Field(path, kind, values(kind, type)), type, (a, i) -> get.apply(a), (a, i, v) -> {
            Agreement.Builder b = a.toBuilder();
            set.accept(b, (T) v);
            return b.build();
        }, (b, v) -> set.accept(b, (T) v));
    }

    private static Access party(String name, Kind kind, Class<?> type, Function<Party, Object> get) {
        return new Access(new Field(PARTY_PREFIX + name, kind, values(kind, type)), type,
                (a, i) -> get.apply(a.partyList().get(i)), (a, i, v) -> {
                    List<Party> parties = new ArrayList<>(a.partyList());
                    Party p = i < parties.size() ? parties.get(i) : new Party((String) v, null, null, null, null);
                    Party changed = switch (name) {
                        case "name" -> new Party((String) v, p.kind(), p.role(), p.instructedBy(), p.directCareProvider());
                        case "kind" -> new Party(p.name(), (PartyKind) v, p.role(), p.instructedBy(), p.directCareProvider());
                        case "role" -> new Party(p.name(), p.kind(), (PartyRole) v, p.instructedBy(), p.directCareProvider());
                        case "instructedBy" -> new Party(p.name(), p.kind(), p.role(), (String) v, p.directCareProvider());
                        case "directCareProvider" -> new Party(p.name(), p.kind(), p.role(), p.instructedBy(), (Boolean) v);
                        default -> throw new IllegalStateException("no party field " + name);
                    };
                    if (i < parties.size()) {
                        parties.set(i, changed);
                    } else {
                        parties.add(changed);
                    }
                    return a.toBuilder().parties(parties).build();
                }, null);
    }

    private static Access legal(String name, Kind kind, Class<?> type, Function<LegalRequirement, Object> get) {
        return new Access(new Field("legalRequirement." + name, kind, values(kind, type)), type,
                (a, i) -> a.legalRequirement() == null ? null : get.apply(a.legalRequirement()), (a, i, v) -> {
                    LegalRequirement l = a.legalRequirement() == null ? new LegalRequirement(null, null, null)
                            : a.legalRequirement();
                    LegalRequirement changed = switch (name) {
                        case "kind" -> new LegalRequirement((RequirementKind) v, l.reference(), l.expiresOn());
                        case "reference" -> new LegalRequirement(l.kind(), (String) v, l.expiresOn());
                        case "expiresOn" -> new LegalRequirement(l.kind(), l.reference(), (LocalDate) v);
                        default -> throw new IllegalStateException("no legalRequirement field " + name);
                    };
                    // an object with nothing known in it is the same as no object: not known
                    boolean empty = changed.kind() == null && changed.reference() == null && changed.expiresOn() == null;
                    return a.toBuilder().legalRequirement(empty ? null : changed).build();
                }, null);
    }

    private static Access icb(String name, Kind kind, Class<?> type, Function<IcbAssessment, Object> get) {
        return new Access(new Field("icbAssessment." + name, kind, values(kind, type)), type,
                (a, i) -> a.icbAssessment() == null ? null : get.apply(a.icbAssessment()), (a, i, v) -> {
                    IcbAssessment x = a.icbAssessment() == null ? new IcbAssessment(null, null, null, null) : a.icbAssessment();
                    IcbAssessment changed = switch (name) {
                        case "status" -> new IcbAssessment((IcbStatus) v, x.conclusion(), x.requestedOn(), x.receivedOn());
                        case "conclusion" -> new IcbAssessment(x.status(), (IcbConclusion) v, x.requestedOn(), x.receivedOn());
                        case "requestedOn" -> new IcbAssessment(x.status(), x.conclusion(), (LocalDate) v, x.receivedOn());
                        case "receivedOn" -> new IcbAssessment(x.status(), x.conclusion(), x.requestedOn(), (LocalDate) v);
                        default -> throw new IllegalStateException("no icbAssessment field " + name);
                    };
                    boolean empty = changed.status() == null && changed.conclusion() == null && changed.requestedOn() == null
                            && changed.receivedOn() == null;
                    return a.toBuilder().icbAssessment(empty ? null : changed).build();
                }, null);
    }
}
