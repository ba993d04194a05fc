package org.dsarules.register.csv;

import static org.dsarules.register.csv.CsvFixtures.READER;
import static org.dsarules.register.csv.CsvFixtures.readAll;
import static org.dsarules.register.csv.CsvFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.decision.RecordError;
import org.dsarules.model.Agreement;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;
import org.dsarules.register.json.AgreementCodec;
import org.dsarules.register.json.RegisterReader;
import org.junit.jupiter.api.Test;

/** The CSV form and the JSON form of the same register give the same agreements and the same errors. */
class CsvJsonEquivalenceTest {

    private static List<RegisterEntry> all(RegisterSource source) {
        try (source) {
            List<RegisterEntry> out = new ArrayList<>();
            source.forEachRemaining(out::add);
            return out;
        }
    }

    @Test
    void theRiversideRegisterGivesIdenticalAgreementsRecordByRecord() {
        List<RegisterEntry> fromCsv = all(READER.open(resource("riverside-register.csv")));
        List<RegisterEntry> fromJson = all(RegisterReader.defaults().open(resource("riverside-register.json")));
        assertEquals(15, fromJson.size());
        assertEquals(fromJson.size(), fromCsv.size());
        for (int i = 0; i < fromJson.size(); i++) {
            RegisterEntry json = fromJson.get(i);
            RegisterEntry csv = fromCsv.get(i);
            assertTrue(json instanceof RegisterEntry.Valid, () -> "JSON record in error: " + json);
            assertEquals(json, csv, "record " + i);
        }
    }

    @Test
    void everyFieldOfAnAgreementComesThroughTheSame() {
        String json = """
                {"id": "DSA-007", "title": "CPRD Aurum research collection", "status": "existing", "requestedBy": "MHRA",
                 "signedOn": "2019-03-01", "reviewDue": "2026-03-01", "practiceRole": "Controller",
                 "parties": [
                   {"name": "Clinical Practice Research Datalink", "kind": "GOVERNMENT_AGENCY", "role": "CONTROLLER",
                    "directCareProvider": false},
                   {"name": "EMIS Health", "kind": "gp_system_supplier", "role": "PROCESSOR", "instructedBy": "PRACTICE",
                    "directCareProvider": false}],
                 "purposes": ["RESEARCH", "PUBLIC_HEALTH_SURVEILLANCE", "research"],
                 "legalRequirement": {"kind": "COPI_NOTICE", "reference": "COPI notice 2020", "expiresOn": "2022-06-30"},
                 "article6Bases": ["e"], "article9Conditions": ["H", "j"], "commonLawBasis": "SECTION_251_SUPPORT",
                 "commonLawBasisExpires": "2027-12-31", "identifiability": "PSEUDONYMISED",
                 "nationalDataOptOutApplied": true, "type1OptOutApplied": true, "commercialAccess": false,
                 "dpiaProvided": true,
                 "icbAssessment": {"status": "RECEIVED", "conclusion": "NECESSARY_AND_LAWFUL", "requestedOn": "2025-11-03",
                                   "receivedOn": "2025-12-15"},
                 "lmcAdvice": "KEEP", "notes": "Reviewed \\"2025-12\\"; ask again in 2026.\\nSecond line."}
                """;
        StringBuilder csv = new StringBuilder(String.join(",", CsvTemplate.columns())).append('\n');
        csv.append("DSA-007,CPRD Aurum research collection,existing,MHRA,2019-03-01,2026-03-01,Controller,")
                .append("Clinical Practice Research Datalink,GOVERNMENT_AGENCY,CONTROLLER,,False,")
                .append("EMIS Health,gp_system_supplier,PROCESSOR,PRACTICE,FALSE,")
                .append("RESEARCH; PUBLIC_HEALTH_SURVEILLANCE; research,")
                .append("COPI_NOTICE,COPI notice 2020,2022-06-30,e,H;j,SECTION_251_SUPPORT,2027-12-31,PSEUDONYMISED,")
                .append("true,TRUE,false,true,RECEIVED,NECESSARY_AND_LAWFUL,2025-11-03,2025-12-15,KEEP,")
                .append("\"Reviewed \"\"2025-12\"\"; ask again in 2026.\nSecond line.\"\n");
        Agreement expected = AgreementCodec.fromJson(json);
        ReadResult r = readAll(csv.toString());
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(expected), r.agreements());
    }

    @Test
    void theSameBadRecordGivesTheSameErrorApartFromTheRow() {
        String json = "[{\"id\": \"DSA-1\", \"parties\": [{\"name\": \"A\"}, {\"name\": \"B\", \"role\": \"BOSS\"}],"
                + " \"signedOn\": \"2023-02-30\"}]";
        String csv = "id,parties[0].name,parties[1].name,parties[1].role,signedOn\nDSA-1,A,B,BOSS,2023-02-30\n";
        RecordError fromJson = RegisterReader.defaults()
                .readAll(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "r.json").errors().get(0);
        RecordError fromCsv = readAll(csv).errors().get(0);
        assertNotNull(fromJson);
        assertEquals(fromJson.index(), fromCsv.index());
        assertEquals(fromJson.dsaId(), fromCsv.dsaId());
        assertEquals(fromJson.field(), fromCsv.field());
        assertEquals("row 2: " + fromJson.message(), fromCsv.message());
    }
}
