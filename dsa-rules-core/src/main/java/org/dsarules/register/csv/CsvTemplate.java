package org.dsarules.register.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
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
import org.dsarules.register.Fields;
import org.dsarules.register.SheetColumns;

/**
 * An empty CSV register to start a spreadsheet from: a first row, a comment (its first cell starts
 * with {@code #}), that explains under each column what goes in it, then the header with every column of
 * the format, two parties' columns included. It reads back as a register with no agreements.
 */
public final class CsvTemplate {
    /** Parties whose columns the template has; a register may add {@code parties[2].name} and so on. */
    public static final int PARTIES = 2;

    private static final String DATE = "date YYYY-MM-DD or DD/MM/YYYY (day first)";
    private static final String BOOLEAN = "true or false (yes or no)";
    private static final String UNKNOWN = "; empty = not known";

    /** What each column takes, by field ({@code parties.name} for every party's). */
    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("id", "required: the practice's own reference for the DSA, unique in the register"),
            Map.entry("title", "name of the DSA"),
            Map.entry("programme", "a name for the same agreement across practices (GDPPR, OpenSAFELY)"),
            Map.entry("status", oneOf(Status.class)),
            Map.entry("requestedBy", "organisation asking for the data"),
            Map.entry("signedOn", DATE),
            Map.entry("reviewDue", DATE),
            Map.entry("practiceRole", "the practice's own GDPR role: " + oneOf(PracticeRole.class)),
            Map.entry("parties.name", "another organisation named in the DSA (required for a party)"),
            Map.entry("parties.kind", oneOf(PartyKind.class)),
            Map.entry("parties.role", "its GDPR role: " + oneOf(PartyRole.class)),
            Map.entry("parties.instructedBy", "for a processor: PRACTICE or the name of another party"),
            Map.entry("parties.directCareProvider", BOOLEAN + ": it gives direct care to the practice's patients"),
            Map.entry("purposes", listOf(Purpose.class)),
            Map.entry("legalRequirement.kind", "a duty to share: " + oneOf(RequirementKind.class)),
            Map.entry("legalRequirement.reference", "the direction, notice or clause that compels sharing"),
            Map.entry("legalRequirement.expiresOn", DATE + ": the day after which the duty ends"),
            Map.entry("article6Bases", "UK GDPR Art 6(1) bases: " + listOf(Article6Basis.class)),
            Map.entry("article9Conditions", "UK GDPR Art 9(2) conditions: " + listOf(Article9Condition.class)),
            Map.entry("commonLawBasis", oneOf(CommonLawBasis.class)),
            Map.entry("commonLawBasisExpires", DATE + ": when the common-law basis ends"),
            Map.entry("identifiability", oneOf(Identifiability.class)),
            Map.entry("nationalDataOptOutApplied", BOOLEAN),
            Map.entry("type1OptOutApplied", BOOLEAN),
            Map.entry("commercialAccess", BOOLEAN + ": a commercial organisation can access, buy or license the data"),
            Map.entry("dpiaProvided", BOOLEAN + ": a DPIA was given to the practice"),
            Map.entry("icbAssessment.status", oneOf(IcbStatus.class)),
            Map.entry("icbAssessment.conclusion", "with RECEIVED: " + oneOf(IcbConclusion.class)),
            Map.entry("icbAssessment.requestedOn", DATE),
            Map.entry("icbAssessment.receivedOn", DATE),
            Map.entry("lmcAdvice", oneOf(LmcAdvice.class)),
            Map.entry("notes", "free text"),
            Map.entry("practice.odsCode", "the practice's ODS code (on the first row is enough)"),
            Map.entry("practice.name", "the practice's name, for the documents (on the first row is enough)"),
            Map.entry("practice.icb", "the practice's ICB (on the first row is enough)"),
            Map.entry("history.date", DATE + ": when the change was made"),
            Map.entry("history.field", "the field the change set, as a path (icbAssessment.conclusion)"),
            Map.entry("history.oldValue", "its value before, as a cell"),
            Map.entry("history.newValue", "its value after, as a cell"),
            Map.entry("history.source", "who or what made the change"),
            Map.entry("history.comment", "the words that came with the change (the ICB's comment on its answer)"));

    private CsvTemplate() {
    }

    /**
     * The template's columns, in order: the format's fields, with {@value #PARTIES} parties' columns, then
     * the practice block's (record-format.md v1.1), filled on the first row.
     */
    public static List<String> columns() {
        List<String> columns = new ArrayList<>(SheetColumns.names(PARTIES));
        SheetColumns.PRACTICE_FIELDS.forEach(f -> columns.add(SheetColumns.PRACTICE + "." + f));
        return columns;
    }

    /**
     * Writes the template: the comment row, then the header; no agreement. Does not close the writer.
     *
     * @throws UncheckedIOException when the writer fails
     */
    public static void write(Writer out) {
        Objects.requireNonNull(out, "out");
        List<String> columns = columns();
        try (JsonGenerator g = CsvRegisterReader.FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            for (int i = 0; i < columns.size(); i++) {
                String help = columns.get(i) + ": " + help(columns.get(i));
                g.writeString(CsvCells.guard(i == 0 ? "# " + help : help));
            }
            g.writeEndArray();
            g.writeStartArray();
            for (String c : columns) {
                g.writeString(c);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a column takes, in a few words, with what an empty cell means. */
    static String help(String column) {
        SheetColumns.Column c = SheetColumns.column(column);
        String key = c == null ? column
                : c.group() == null ? c.field() : c.group() + "." + c.field();
        // a field without words of its own here says what the catalogue allows
        String help = HELP.getOrDefault(key, Fields.field(column).map(Fields.Field::allowed).orElse("text"));
        if (c != null && c.group() != null && c.group().equals(SheetColumns.PARTIES)) {
            help = "party " + c.party() + ": " + help;
        }
        return column.equals("id") ? help + "; a first cell starting with # makes its row a comment"
                : help + UNKNOWN;
    }

    private static String oneOf(Class<? extends Enum<?>> type) {
        return "one of " + names(type, ", ");
    }

    private static String listOf(Class<? extends Enum<?>> type) {
        return "values separated by ; from " + names(type, ", ") + "; [] = none";
    }

    private static String names(Class<? extends Enum<?>> type, String separator) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(separator));
    }
}
