package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsarules.DsaRules;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The practice's own columns (headed {@code #}, record-format.md v1.2) kept by the workspace with each register
 * version: imported from the file, kept through an edit and a letter marked sent, and in every register exported.
 */
class OwnColumnsWorkspaceTest {
    static final String ODS = "C83003";
    static final String CSV = """
            practice.odsCode,practice.name,id,title,programme,requestedBy,status,practiceRole,parties[0].name,parties[0].kind,parties[0].role,parties[0].instructedBy,parties[0].directCareProvider,purposes,identifiability,legalRequirement.kind,legalRequirement.reference,nationalDataOptOutApplied,dpiaProvided,signedOn,icbAssessment.status,lmcAdvice,notes,# PM comments
            C83003,Croft Medical Practice,C-1,GP data extraction,GDPPR extraction,NHS England,EXISTING,CONTROLLER,NHS England,NHS_ENGLAND,CONTROLLER,,no,RESEARCH; SERVICE_PLANNING,PSEUDONYMISED,STATUTORY_DIRECTION,,true,,,NOT_REQUESTED,,,asked Dr Smith 3 Nov
            ,,C-2,Research database,CPRD,CPRD,EXISTING,CONTROLLER,CPRD,GOVERNMENT_AGENCY,CONTROLLER,,no,RESEARCH,PSEUDONYMISED,,,,,,NOT_REQUESTED,,,keep until ICB replies
            ,,C-3,OpenSAFELY,OpenSAFELY,Bennett Institute,EXISTING,CONTROLLER,University of Oxford,UNIVERSITY,PROCESSOR,,no,RESEARCH,PSEUDONYMISED,,,,,,,,,
            """;
    static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "C-1", Map.of("# PM comments", "asked Dr Smith 3 Nov"),
            "C-2", Map.of("# PM comments", "keep until ICB replies"));

    @TempDir
    Path dir;
    DsaRules rules;
    Workspace ws;

    @BeforeEach
    void open() {
        rules = DsaRules.defaults();
        ws = Workspace.open(dir.resolve("data"), rules);
        ws.importRegister(CSV.getBytes(StandardCharsets.UTF_8), RegisterFiles.Format.CSV, "croft.csv", null, Actor.LOCAL, null);
    }

    @AfterEach
    void close() {
        ws.close();
        rules.close();
    }

    @Test
    void ownColumnsAreImportedKeptThroughAnEditAndExportedAsCsvAndXlsx() throws Exception {
        assertEquals(EXPECTED, exported(RegisterFiles.Format.CSV, "v1.csv"), "as imported");

        Registers.EditResult edit = ws.edit(ODS, "C-2", 1, Map.of("title", "CPRD research database"), Actor.LOCAL,
                "title as on the agreement", ws.today());
        assertInstanceOf(Registers.Saved.class, edit, String.valueOf(edit));
        assertEquals(2, ws.currentVersion(ODS));
        assertEquals("CPRD research database", ws.register(ODS, 2).agreements().get(1).title(), "the edit was saved");

        assertEquals(EXPECTED, exported(RegisterFiles.Format.CSV, "v2.csv"), "kept through the edit (CSV)");
        assertEquals(EXPECTED, exported(RegisterFiles.Format.XLSX, "v2.xlsx"), "kept through the edit (xlsx)");
        String csv = Files.readString(dir.resolve("v2.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith("# PM comments"), "the column is the header's: " + csv);
    }

    @Test
    void aLetterMarkedSentKeepsThem() throws Exception {
        int before = ws.currentVersion(ODS);
        LocalDate today = ws.today();
        new Campaign(ws).markSent(ODS, Campaign.Kind.ICB_LETTER, today, Actor.LOCAL, null);
        assertTrue(ws.currentVersion(ODS) > before, "marking the ICB letter sent made a new version (requestedOn set)");
        assertEquals(EXPECTED, exported(RegisterFiles.Format.XLSX, "sent.xlsx"));
    }

    @Test
    void aRegisterWithoutOwnColumnsStillExportsWithoutThem() throws Exception {
        ws.importRegister(Files.readAllBytes(WorkspaceHttpTest.SAMPLE), RegisterFiles.Format.JSON, "millbrook-register.json",
                null, Actor.LOCAL, null);
        Path out = dir.resolve("millbrook.csv");
        try (OutputStream o = Files.newOutputStream(out)) {
            ws.export("Z99042", 0, RegisterFiles.Format.CSV, o);
        }
        assertTrue(ownColumns(out, RegisterFiles.Format.CSV).isEmpty());
        assertTrue(Workspace.ownColumns(null).isEmpty(), "a version made before V4 has none");
    }

    private Map<String, Map<String, String>> exported(RegisterFiles.Format format, String name) throws Exception {
        Path out = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(out)) {
            ws.export(ODS, 0, format, o);
        }
        return ownColumns(out, format);
    }

    /** Each agreement's own cells as the library's reader reads the exported file back. */
    private static Map<String, Map<String, String>> ownColumns(Path file, RegisterFiles.Format format) throws Exception {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<String> ids = new java.util.ArrayList<>();
        try (RegisterSource source = RegisterFiles.open(file, format)) {
            while (source.hasNext()) {
                RegisterEntry e = source.next();
                RegisterEntry.Valid v = assertInstanceOf(RegisterEntry.Valid.class, e, String.valueOf(e));
                ids.add(v.agreement().id());
                if (!v.ownColumns().isEmpty()) {
                    out.put(v.agreement().id(), v.ownColumns());
                }
            }
        }
        assertTrue(ids.isEmpty() || ids.size() >= 3, "every agreement exported: " + ids);
        return out;
    }
}
