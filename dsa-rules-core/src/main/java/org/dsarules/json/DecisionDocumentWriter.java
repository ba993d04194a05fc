package org.dsarules.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.engine.AuditSink;
import org.dsarules.model.Practice;
import org.dsarules.spool.Spool;
import org.dsarules.internal.JacksonSupport;

/**
 * Writes the decision document of {@code record-format.md} as decisions arrive, so that a register
 * of any size streams through. Decisions are written at once; errors are held and written after
 * them, in a {@link Spool} (memory while they are few, a private temporary file once they are many, so
 * that millions of records in error fit in a small heap); the practice is written first when it was read before the agreements, else near the end.
 * The output is deterministic: fixed key order, two-space indent and {@code \n} line ends on every
 * platform, no clock.
 *
 * <p>Not thread-safe; one per document. {@link #finish} flushes but does not close the stream.
 */
public final class DecisionDocumentWriter implements AuditSink {
    /**
     * A plain factory, without an ObjectMapper: building one loads a few hundred of Jackson's classes, a
     * noticeable share of a short audit's start-up, and nothing here needs data binding (the practice
     * block's other keys are plain maps, lists and scalars, written by {@link #writePlain}).
     */
    private static final JsonFactory FACTORY = JacksonSupport.factory();

    private final JsonGenerator json;
    /** The records in error, one compact JSON array a line: [index, dsaId, field, code, message]. */
    private final Spool errors = new Spool();
    private boolean practiceWritten;
    private boolean started;
    private Function<Decision, List<String>> whyNot;
    private TraceLevel forcedLevel;
    private TraceLevel traceLevel = TraceLevel.FULL;

    public DecisionDocumentWriter(OutputStream out) {
        this(generator(out));
    }

    /** Writes to a character stream (the caller chose its encoding). */
    public DecisionDocumentWriter(Writer out) {
        this(generator(out));
    }

    private static JsonGenerator generator(Object target) {
        try {
            return target instanceof Writer w ? FACTORY.createGenerator(w)
                    : FACTORY.createGenerator((OutputStream) target, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DecisionDocumentWriter(JsonGenerator generator) {
        json = generator;
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DecisionJson.prettyPrint(json);
    }

    /** Writes a whole document held in memory. */
    public static void write(AuditResult result, OutputStream out) {
        DecisionDocumentWriter w = new DecisionDocumentWriter(out);
        w.start(result.knowledgeBase(), result.asOf(), result.traceLevel(), result.practice());
        result.decisions().forEach(w::decision);
        result.errors().forEach(w::error);
        w.finish(result.practice(), result.summary());
    }

    /**
     * Adds to each decision a {@code whyNot} list (this project's addition to the format): for each
     * other outcome, why the agreement did not get it. See {@code org.dsarules.engine.WhyNot}.
     */
    public DecisionDocumentWriter withWhyNot(Function<Decision, List<String>> explain) {
        this.whyNot = explain;
        return this;
    }

    /**
     * Writes traces at {@code level} whatever the audit was run with: run the audit with full traces
     * (which why-not reads) and still write only the decisive step. Without it the writer writes each
     * trace as the engine kept it ({@code DsaRules} cuts it to the audit's level) and never cuts again.
     */
    public DecisionDocumentWriter withTraceLevel(TraceLevel level) {
        this.forcedLevel = level;
        return this;
    }

    /** Whether anything has been written yet. */
    public boolean started() {
        return started;
    }

    @Override
    public void start(KnowledgeBaseInfo kb, LocalDate asOf, TraceLevel level, Practice practice) {
        started = true;
        traceLevel = forcedLevel != null ? forcedLevel : level;
        io(() -> {
            json.writeStartObject();
            json.writeObjectFieldStart("knowledgeBase");
            json.writeStringField("name", kb.name());
            json.writeStringField("version", kb.version());
            json.writeStringField("fingerprint", kb.fingerprint());
            json.writeStringField("asOf", asOf.toString());
            if (traceLevel != TraceLevel.FULL) {
                json.writeStringField("trace", traceLevel.name().toLowerCase(Locale.ROOT));
            }
            json.writeEndObject();
            if (practice != null) {
                writePractice(practice);
            }
            json.writeArrayFieldStart("decisions");
        });
    }

    @Override
    public void decision(Decision given) {
        List<String> why = whyNot == null ? null : whyNot.apply(given);
        // The engine already cut the trace to the level the audit was run with (DsaRules owns that);
        // only a level forced here for output (full for why-not, less on paper) cuts again.
        Decision d = forcedLevel == null ? given : given.withTrace(forcedLevel);
        io(() -> DecisionJson.writeTo(json, d, traceLevel != TraceLevel.NONE, why));
    }

    @Override
    public void error(RecordError e) {
        StringWriter line = new StringWriter();
        io(() -> {
            try (JsonGenerator g = FACTORY.createGenerator(line)) {
                g.writeStartArray();
                g.writeNumber(e.index());
                g.writeString(e.dsaId());
                g.writeString(e.field());
                g.writeString(e.code().name());
                g.writeString(e.message());
                g.writeEndArray();
            }
        });
        errors.add(line.toString());
    }

    @Override
    public void finish(Practice practice, Summary summary) {
        io(() -> {
            json.writeEndArray();
            json.writeArrayFieldStart("errors");
            try {
                errors.forEach(line -> io(() -> writeError(spooled(line))));
            } finally {
                errors.close();
            }
            json.writeEndArray();
            if (practice != null && !practiceWritten) {
                writePractice(practice);
            }
            json.writeObjectFieldStart("summary");
            for (Outcome o : Outcome.values()) {
                json.writeNumberField(o.name(), summary.count(o));
            }
            json.writeNumberField("ERROR", summary.errors());
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        });
    }

    /** A spooled error line, as {@link #error} wrote it: {@code [index, dsaId, field, code, message]}. */
    private static RecordError spooled(String line) throws IOException {
        try (JsonParser p = FACTORY.createParser(line)) {
            p.nextToken(); // [
            p.nextToken();
            int index = p.getIntValue();
            String dsaId = p.nextTextValue();
            String field = p.nextTextValue();
            String code = p.nextTextValue();
            String message = p.nextTextValue();
            return new RecordError(index, dsaId, field, ErrorCode.valueOf(code), message);
        }
    }

    private void writeError(RecordError e) throws IOException {
        json.writeStartObject();
        json.writeNumberField("index", e.index());
        json.writeStringField("dsaId", e.dsaId());
        json.writeStringField("field", e.field());
        json.writeStringField("code", e.code().name());
        json.writeStringField("message", e.message());
        json.writeEndObject();
    }

    private void writePractice(Practice p) throws IOException {
        practiceWritten = true;
        json.writeObjectFieldStart("practice");
        if (p.odsCode() != null) {
            json.writeStringField("odsCode", p.odsCode());
        }
        if (p.name() != null) {
            json.writeStringField("name", p.name());
        }
        if (p.icb() != null) {
            json.writeStringField("icb", p.icb());
        }
        for (Map.Entry<String, Object> e : p.other().entrySet()) {
            json.writeFieldName(e.getKey());
            writePlain(e.getValue());
        }
        json.writeEndObject();
    }

    /** A value as the register reader keeps keys it does not know: null, a string, boolean or number, a map or a list. */
    private void writePlain(Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof String str) {
            json.writeString(str);
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof Integer i) {
            json.writeNumber(i);
        } else if (v instanceof Long l) {
            json.writeNumber(l);
        } else if (v instanceof BigInteger bi) {
            json.writeNumber(bi);
        } else if (v instanceof BigDecimal bd) {
            json.writeNumber(bd);
        } else if (v instanceof Number n) {
            json.writeNumber(n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                writePlain(e.getValue());
            }
            json.writeEndObject();
        } else if (v instanceof Iterable<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writePlain(item);
            }
            json.writeEndArray();
        } else {
            json.writeString(String.valueOf(v));
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the decision document: " + e.getMessage(), e);
        }
    }
}
