package org.dsarules.round;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.register.json.AgreementCodec;
import org.dsarules.model.Agreement;
import org.dsarules.register.Fields;

/**
 * An agreement's facts by field path ({@code status}, {@code legalRequirement.kind},
 * {@code parties[1].role}, {@code purposes}), each in the CSV cell syntax of {@code record-format.md}:
 * enum values by name, dates {@code YYYY-MM-DD}, booleans {@code true}/{@code false}, lists joined
 * with {@code "; "} ({@code []} for the empty list), as {@link org.dsarules.register.CellSyntax#cell} writes them. A field not known has no entry.
 */
public final class FieldPaths {
    /** Carried with the agreement but not facts of it: left out of comparisons. */
    private static final Set<String> NOT_FACTS = Set.of("id", "history");

    private FieldPaths() {
    }

    /** Every known fact of {@code a} by path, in the format's field order. */
    public static Map<String, String> of(Agreement a) {
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = AgreementCodec.toJson(a).fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!NOT_FACTS.contains(e.getKey())) {
                flatten(e.getKey(), e.getValue(), out);
            }
        }
        return out;
    }

    /**
     * Orders paths as the format lists its fields ({@link Fields#all()}), a party's fields by party
     * index then field; a path the catalogue does not have comes last, by name.
     */
    public static final Comparator<String> FORMAT_ORDER = Comparator.comparingInt(FieldPaths::rank)
            .thenComparingInt(FieldPaths::partyIndex).thenComparing(Comparator.naturalOrder());

    private static final Pattern PARTY = Pattern.compile("parties\\[([0-9]+)\\]\\.(.*)");

    private static int rank(String path) {
        Matcher m = PARTY.matcher(path);
        String key = m.matches() ? "parties[N]." + m.group(2) : path;
        List<Fields.Field> all = Fields.all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).path().equals(key)) {
                // All of one party's fields sort together, at the place of the first party field.
                return m.matches() ? firstPartyRank() : i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int firstPartyRank() {
        List<Fields.Field> all = Fields.all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).isPartyField()) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int partyIndex(String path) {
        Matcher m = PARTY.matcher(path);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * A value of {@code path} as the rules read it, for comparing practices' values of one fact: blank is not
     * known (null); {@code lmcAdvice} not given is {@code NONE} ("no advice given", record-format.md); a
     * placeholder word ("TBC") in the two text fields that keep one ({@code legalRequirement.reference},
     * {@code parties[N].instructedBy}) is not known (record-format.md v1.2). Two values that are equal here are
     * one fact, never a difference between practices.
     *
     * @since 1.1.0
     */
    public static String asRead(String path, String value) {
        String v = value == null || value.isBlank() ? null : value;
        if (path.equals("lmcAdvice")) {
            return v == null ? "NONE" : v;
        }
        boolean keepsPlaceholder = path.equals("legalRequirement.reference") || path.endsWith(".instructedBy");
        return keepsPlaceholder && org.dsarules.model.Placeholders.isPlaceholder(v) ? null : v;
    }

    /** The value of one path in {@code a} in the cell syntax, or null when not known. */
    public static String value(Agreement a, String path) {
        return of(a).get(path);
    }

    private static void flatten(String path, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), out));
        } else if (n.isArray()) {
            if (n.size() > 0 && n.get(0).isObject()) {
                for (int i = 0; i < n.size(); i++) {
                    flatten(path + "[" + i + "]", n.get(i), out);
                }
            } else if (n.isEmpty()) {
                out.put(path, "[]");
            } else {
                StringBuilder sb = new StringBuilder();
                n.forEach(v -> sb.append(sb.length() == 0 ? "" : "; ").append(v.asText()));
                out.put(path, sb.toString());
            }
        } else if (!n.isNull()) {
            out.put(path, n.asText());
        }
    }
}
