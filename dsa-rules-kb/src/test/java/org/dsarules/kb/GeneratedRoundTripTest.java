package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.Practice;
import org.dsarules.model.Register;
import org.dsarules.register.Fields;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterFiles.Format;
import org.dsarules.register.json.AgreementCodec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registers and fields round-trip over the seeded generator's agreements (moved from dsa-rules-core's
 * FieldsTest and RegisterWriterTest with the generator, which now lives in this module).
 */
class GeneratedRoundTripTest {
    @TempDir
    Path dir;

    /** Over generated agreements: every field reads back what get wrote, so set(get(x)) changes nothing. */
    @Test
    void getThenSetIsTheSameAgreement() {
        for (long seed = 1; seed <= 200; seed++) {
            Agreement a = new AgreementGenerator(seed).next();
            Agreement b = a;
            for (Fields.Field f : Fields.all()) {
                if (f.isPartyField()) {
                    for (int i = 0; i < a.partyList().size(); i++) {
                        String path = f.path().replace("[N]", "[" + i + "]");
                        b = Fields.set(b, path, Fields.get(a, path));
                    }
                } else {
                    b = Fields.set(b, f.path(), Fields.get(a, f.path()));
                }
            }
            assertEquals(a, b, "seed " + seed + ": " + AgreementCodec.toJsonString(a));
        }
    }

    private static Register generated(long seed, int n) {
        AgreementGenerator g = new AgreementGenerator(seed);
        List<Agreement> agreements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Agreement a = g.next();
            if (i % 3 == 0) {
                a = a.toBuilder().programme("Programme " + i).history(List.of(
                        new HistoryEntry(LocalDate.of(2027, 1, 6), "icbAssessment.conclusion", null, "DECLINED", "ICB questionnaire"),
                        new HistoryEntry(LocalDate.of(2027, 1, 7), "parties[0].role", "PROCESSOR", null, null))).build();
            }
            agreements.add(a);
        }
        return new Register(new Practice("A81001", "Riverside Medical Practice", "NHS Example ICB"), agreements);
    }

    @TestFactory
    Stream<DynamicTest> writeThenReadGivesTheSameRegister() {
        return Stream.of(Format.values()).flatMap(format -> Stream.of(1L, 2L, 3L).map(seed -> DynamicTest.dynamicTest(
                format + " seed " + seed, () -> {
                    Register r = generated(seed, 40);
                    Path file = dir.resolve("r" + seed + "." + format.name().toLowerCase());
                    try (var out = Files.newOutputStream(file)) {
                        RegisterFiles.writer(format).write(r, out);
                    }
                    ReadResult back = ReadResult.of(RegisterFiles.open(file));
                    assertEquals(List.of(), back.errors(), format + " seed " + seed);
                    assertEquals(r.practice(), back.practice());
                    for (int i = 0; i < r.agreements().size(); i++) {
                        Agreement a = r.agreements().get(i);
                        assertEquals(a, back.agreements().get(i), () -> "seed " + seed + ": " + AgreementCodec.toJsonString(a));
                    }
                })));
    }

}
