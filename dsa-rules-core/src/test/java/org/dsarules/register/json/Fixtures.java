package org.dsarules.register.json;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.decision.RecordError;
import org.dsarules.model.Agreement;
import org.dsarules.model.Article6Basis;
import org.dsarules.model.Article9Condition;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.HistoryEntry;
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
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;

/** Inputs and expectations shared by the tests of this package. */
final class Fixtures {
    private Fixtures() {
    }

    /** An agreement with every field known. */
    static Agreement fullAgreement() {
        return Agreement.builder("DSA-007")
                .title("CPRD Aurum research collection")
                .status(Status.EXISTING)
                .requestedBy("MHRA")
                .signedOn(LocalDate.of(2019, 3, 1))
                .reviewDue(LocalDate.of(2026, 3, 1))
                .practiceRole(PracticeRole.CONTROLLER)
                .parties(new Party("Clinical Practice Research Datalink", PartyKind.GOVERNMENT_AGENCY,
                                PartyRole.CONTROLLER, null, false),
                        new Party("EMIS Health", PartyKind.GP_SYSTEM_SUPPLIER, PartyRole.PROCESSOR, "PRACTICE", false))
                .purposes(Purpose.RESEARCH, Purpose.PUBLIC_HEALTH_SURVEILLANCE)
                .legalRequirement(new LegalRequirement(RequirementKind.COPI_NOTICE, "COPI notice 2020", LocalDate.of(2022, 6, 30)))
                .article6Bases(Article6Basis.E)
                .article9Conditions(Article9Condition.H, Article9Condition.J)
                .commonLawBasis(CommonLawBasis.SECTION_251_SUPPORT)
                .commonLawBasisExpires(LocalDate.of(2027, 12, 31))
                .identifiability(Identifiability.PSEUDONYMISED)
                .nationalDataOptOutApplied(true)
                .type1OptOutApplied(true)
                .commercialAccess(false)
                .dpiaProvided(true)
                .icbAssessment(new IcbAssessment(IcbStatus.RECEIVED, IcbConclusion.NECESSARY_AND_LAWFUL,
                        LocalDate.of(2025, 11, 3), LocalDate.of(2025, 12, 15)))
                .lmcAdvice(LmcAdvice.KEEP)
                .notes("Reviewed at the partners' meeting \"2025-12\"; ask again in 2026.\nSecond line.")
                .programme("CPRD Aurum")
                .history(List.of(
                        new HistoryEntry(LocalDate.of(2025, 11, 3), "icbAssessment.status", "NOT_REQUESTED", "REQUESTED",
                                "letter to the ICB"),
                        new HistoryEntry(LocalDate.of(2025, 12, 15), "icbAssessment.conclusion", null,
                                "NECESSARY_AND_LAWFUL", null)))
                .build();
    }

    /** The same agreement as register JSON, with enum values in mixed case. */
    static final String FULL_AGREEMENT_JSON = """
            {
              "id": "DSA-007",
              "title": "CPRD Aurum research collection",
              "status": "existing",
              "requestedBy": "MHRA",
              "signedOn": "2019-03-01",
              "reviewDue": "2026-03-01",
              "practiceRole": "Controller",
              "parties": [
                { "name": "Clinical Practice Research Datalink", "kind": "GOVERNMENT_AGENCY", "role": "CONTROLLER",
                  "directCareProvider": false },
                { "name": "EMIS Health", "kind": "gp_system_supplier", "role": "PROCESSOR", "instructedBy": "PRACTICE",
                  "directCareProvider": false }
              ],
              "purposes": ["RESEARCH", "PUBLIC_HEALTH_SURVEILLANCE", "research"],
              "legalRequirement": { "kind": "COPI_NOTICE", "reference": "COPI notice 2020", "expiresOn": "2022-06-30" },
              "article6Bases": ["e"],
              "article9Conditions": ["H", "j"],
              "commonLawBasis": "SECTION_251_SUPPORT",
              "commonLawBasisExpires": "2027-12-31",
              "identifiability": "PSEUDONYMISED",
              "nationalDataOptOutApplied": true,
              "type1OptOutApplied": true,
              "commercialAccess": false,
              "dpiaProvided": true,
              "icbAssessment": { "status": "RECEIVED", "conclusion": "NECESSARY_AND_LAWFUL",
                                 "requestedOn": "2025-11-03", "receivedOn": "2025-12-15" },
              "lmcAdvice": "KEEP",
              "notes": "Reviewed at the partners' meeting \\"2025-12\\"; ask again in 2026.\\nSecond line.",
              "programme": "CPRD Aurum",
              "history": [
                { "date": "2025-11-03", "field": "icbAssessment.status", "oldValue": "NOT_REQUESTED",
                  "newValue": "REQUESTED", "source": "letter to the ICB" },
                { "date": "2025-12-15", "field": "icbAssessment.conclusion", "newValue": "NECESSARY_AND_LAWFUL" }
              ]
            }
            """;

    static ByteArrayInputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads every entry of a register given as text, in order. */
    static List<RegisterEntry> entries(String register) {
        try (RegisterSource s = RegisterReader.defaults().open(utf8(register), "test.json")) {
            List<RegisterEntry> out = new ArrayList<>();
            s.forEachRemaining(out::add);
            return out;
        }
    }

    /** The one entry of a register made of this one record. */
    static RegisterEntry entry(String record) {
        List<RegisterEntry> all = entries("[" + record + "]");
        if (all.size() != 1) {
            throw new AssertionError("expected one entry, got " + all);
        }
        return all.get(0);
    }

    /** The agreement a valid record gives; fails when the record is in error. */
    static Agreement valid(String record) {
        RegisterEntry e = entry(record);
        if (e instanceof RegisterEntry.Invalid i) {
            throw new AssertionError("expected a valid record, got " + i.error());
        }
        return ((RegisterEntry.Valid) e).agreement();
    }

    /** The error a record in error gives; fails when the record is valid. Checks the message is one plain line. */
    static RecordError error(String record) {
        RegisterEntry e = entry(record);
        if (e instanceof RegisterEntry.Valid v) {
            throw new AssertionError("expected an error, got " + v.agreement());
        }
        RecordError error = ((RegisterEntry.Invalid) e).error();
        assertPlainLine(error.message());
        return error;
    }

    /** A user-facing message: one line, no stack trace, no class names. */
    static void assertPlainLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "not one line: " + message);
        for (String leak : List.of("Exception", "com.fasterxml", "java.", "Jackson", "Feature", "`", "\tat ")) {
            assertFalse(message.contains(leak), () -> "message leaks \"" + leak + "\": " + message);
        }
    }
}
