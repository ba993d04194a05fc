package org.dsarules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.junit.jupiter.api.Test;

/** The records in error come out of the decision document exactly as they went in, also once they are spooled to a file. */
class DecisionDocumentErrorsTest {

    @Test
    void manyErrorsSurviveTheSpoolExactlyAndInOrder() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DecisionDocumentWriter w = new DecisionDocumentWriter(bytes);
        w.start(new KnowledgeBaseInfo("kb", "1", "sha256:x"), LocalDate.parse("2026-06-15"), TraceLevel.FULL, null);
        List<RecordError> in = new ArrayList<>();
        // Past the spool's megabyte in memory: the later errors are read back from its file.
        for (int i = 0; i < 6_000; i++) {
            RecordError e = new RecordError(i, i % 3 == 0 ? null : "ID-\"" + i + "\"\n\u009b\u2028é\uD83D\uDE00",
                    i % 5 == 0 ? null : "parties[" + i + "].role", ErrorCode.values()[i % ErrorCode.values().length],
                    "message " + i + " " + "x".repeat(200) + " \\ \" \u0000 end");
            in.add(e);
            w.error(e);
        }
        w.finish(null, new Summary(Map.of(), in.size()));
        JsonNode errors = new ObjectMapper().readTree(bytes.toByteArray()).get("errors");
        assertEquals(in.size(), errors.size());
        for (int i = 0; i < in.size(); i++) {
            RecordError e = in.get(i);
            JsonNode n = errors.get(i);
            assertEquals(e.index(), n.get("index").intValue());
            assertEquals(e.dsaId(), n.get("dsaId").textValue());
            assertEquals(e.field(), n.get("field").textValue());
            assertEquals(e.code().name(), n.get("code").textValue());
            assertEquals(e.message(), n.get("message").textValue());
        }
    }
}
