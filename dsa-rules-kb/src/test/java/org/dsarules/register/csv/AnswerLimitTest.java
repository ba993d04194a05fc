package org.dsarules.register.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.Register;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterFiles;
import org.dsarules.round.Answers;
import org.dsarules.round.Questionnaire;
import org.junit.jupiter.api.Test;

/** issue 27 item 7: applying answers never writes a register its reader refuses (the 1,000 history entries limit). */
class AnswerLimitTest {
    private static final LocalDate ON = LocalDate.of(2026, 12, 7);

    private static Agreement withHistory(int n) {
        List<HistoryEntry> history = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            history.add(new HistoryEntry(ON, "notes", "v" + i, "v" + (i + 1), "test"));
        }
        return new AgreementGenerator(7).next().toBuilder().id("DSA-1").notes("old").history(history).build();
    }

    private static Answers.Result answer(Agreement a) {
        Questionnaire.Row row = new Questionnaire.Row(2, null, "DSA-1", null, null, "notes", "?", "text", "new notes");
        return Answers.apply(List.of(new Answers.Named("reg.csv", new Register(null, List.of(a)))), List.of(row), ON, "answers.csv");
    }

    private static ReadResult writtenAndRead(Register r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegisterFiles.writer(RegisterFiles.Format.CSV).write(r, out);
        return ReadResult.of(CsvRegisterReader.defaults().open(new ByteArrayInputStream(out.toByteArray()), "reg.csv"));
    }

    @Test
    void anAnswerThatWouldPassTheHistoryLimitIsRefusedAndTheRegisterStaysReadable() throws IOException {
        Agreement full = withHistory(1_000);
        Answers.Result r = answer(full);
        assertEquals(1, r.refused().size());
        assertTrue(r.refused().get(0).why().contains("1,000 history entries"), r.refused().get(0).why());
        Register written = r.registers().get(0).register();
        assertEquals(full, written.agreements().get(0), "nothing of the agreement is changed");
        assertEquals(List.of(), writtenAndRead(written).errors());
    }

    @Test
    void anAnswerThatReachesTheLimitExactlyIsApplied() throws IOException {
        Answers.Result r = answer(withHistory(999));
        assertEquals(List.of(), r.refused());
        Register written = r.registers().get(0).register();
        assertEquals(1_000, written.agreements().get(0).history().size());
        assertEquals("new notes", written.agreements().get(0).notes());
        assertEquals(List.of(), writtenAndRead(written).errors());
    }
}
