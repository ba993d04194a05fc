package org.dsarules.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.dsarules.decision.CatalogueUse;
import org.dsarules.decision.Decision;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.TraceStep;
import org.dsarules.decision.Warning;
import org.dsarules.internal.JacksonSupport;

/**
 * One decision as JSON: the object that stands in the {@code decisions} array of a decision document
 * ({@code record-format.md}), written on its own. The decision document writer writes each decision with
 * this class too, so the two never differ.
 */
public final class DecisionJson {
    private static final JsonFactory FACTORY = JacksonSupport.factory();
    /** The warning code of a register value that contradicts the catalogue (see {@code CatalogueConflict.CODE}). */
    private static final String CATALOGUE_CONFLICT = "CATALOGUE_CONFLICT";

    private DecisionJson() {
    }

    /**
     * One decision with its whole trace, as a pretty-printed JSON object ({@code \n} line ends, no final
     * line end).
     *
     * @throws NullPointerException when {@code decision} is null
     */
    public static String write(Decision decision) {
        return write(decision, TraceLevel.FULL);
    }

    /**
     * One decision with its trace cut to {@code level}, as a pretty-printed JSON object.
     *
     * @throws NullPointerException when an argument is null
     */
    public static String write(Decision decision, TraceLevel level) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(level, "level");
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            prettyPrint(json);
            writeTo(json, decision.withTrace(level), level != TraceLevel.NONE, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * One decision as a pretty-printed JSON object that says what it was decided with: the object of
     * {@link #write(Decision, TraceLevel)} followed by {@code knowledgeBase}, the decision document's own
     * block ({@code name}, {@code version}, {@code fingerprint}, {@code asOf}), so that a decision logged or
     * sent on its own can be reproduced: the same rules (by fingerprint) and date give the same decision.
     *
     * @param decision      the decision
     * @param level         how much of its trace to write
     * @param knowledgeBase the rules it was decided with ({@code DsaRules.knowledgeBaseInfo()})
     * @param asOf          the date it was decided as of
     * @return the JSON text
     * @throws NullPointerException when an argument is null
     */
    public static String write(Decision decision, TraceLevel level, KnowledgeBaseInfo knowledgeBase, LocalDate asOf) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(knowledgeBase, "knowledgeBase");
        Objects.requireNonNull(asOf, "asOf");
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            prettyPrint(json);
            json.writeStartObject();
            writeFields(json, decision.withTrace(level), level != TraceLevel.NONE, null);
            json.writeObjectFieldStart("knowledgeBase");
            json.writeStringField("name", knowledgeBase.name());
            json.writeStringField("version", knowledgeBase.version());
            json.writeStringField("fingerprint", knowledgeBase.fingerprint());
            json.writeStringField("asOf", asOf.toString());
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The project's layout: two-space indent, {@code "key": value}, {@code \n} on every platform. */
    static void prettyPrint(JsonGenerator json) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        json.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter).withArrayIndenter(indenter));
    }

    /**
     * Writes {@code d} (its trace already cut to the level wanted) as one object.
     *
     * @param withTrace whether to write the {@code trace} array at all (not at trace level none)
     * @param whyNot    this project's {@code whyNot} list, or null to leave it out
     */
    static void writeTo(JsonGenerator json, Decision d, boolean withTrace, List<String> whyNot) throws IOException {
        json.writeStartObject();
        writeFields(json, d, withTrace, whyNot);
        json.writeEndObject();
    }

    private static void writeFields(JsonGenerator json, Decision d, boolean withTrace, List<String> whyNot)
            throws IOException {
        json.writeStringField("dsaId", d.dsaId());
        if (d.title() != null) {
            json.writeStringField("title", d.title());
        }
        json.writeStringField("outcome", d.outcome().name());
        json.writeStringField("decisiveRule", d.decisiveRule());
        json.writeStringField("summary", d.summary());
        strings(json, "redFlags", d.redFlags());
        strings(json, "missing", d.missing());
        json.writeArrayFieldStart("warnings");
        for (Warning w : d.warnings()) {
            json.writeStartObject();
            json.writeStringField("code", w.code());
            json.writeStringField("field", w.field());
            json.writeStringField("message", w.message());
            CatalogueUse.Conflict c = CATALOGUE_CONFLICT.equals(w.code()) && d.catalogue() != null
                    ? d.catalogue().conflict(w.field()) : null;
            if (c != null) {
                // record-format.md v1.2: a conflict gives the field, both values and the source.
                json.writeStringField("registerValue", c.registerValue());
                json.writeStringField("catalogueValue", c.catalogueValue());
                strings(json, "sources", c.sources());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        if (d.catalogue() != null) {
            // record-format.md v1.2 "Known programmes": exactly entry, checked, filled and sources; absent when
            // the agreement resolved to no entry.
            json.writeObjectFieldStart("catalogue");
            json.writeStringField("entry", d.catalogue().entry());
            json.writeStringField("checked", d.catalogue().checked().toString());
            strings(json, "filled", d.catalogue().filled());
            strings(json, "sources", d.catalogue().sources());
            json.writeEndObject();
        }
        if (withTrace) {
            json.writeArrayFieldStart("trace");
            for (TraceStep s : d.trace()) {
                json.writeStartObject();
                json.writeStringField("rule", s.rule());
                strings(json, "citations", s.citations());
                json.writeStringField("explanation", s.explanation());
                json.writeStringField("outcome", s.outcome() == null ? null : s.outcome().name());
                if (s.policyRow() != null) {
                    json.writeStringField("policyRow", s.policyRow());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        strings(json, "questionsForIcb", d.questionsForIcb());
        strings(json, "nextSteps", d.nextSteps());
        if (whyNot != null) {
            strings(json, "whyNot", whyNot);
        }
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }
}
