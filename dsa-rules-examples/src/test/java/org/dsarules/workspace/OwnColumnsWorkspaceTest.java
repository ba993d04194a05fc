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

    /**
     * A workspace made before V4 (its database migrated only to V3, a version written as that schema had it) is
     * migrated when opened and still exports its register, with no own columns, and still takes an edit.
     */
    @Test
    void aDatabaseMadeBeforeV4StillExports() throws Exception {
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        String url = "jdbc:sqlite:" + old.resolve("workspace.db").toAbsolutePath();
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("3")
                .load().migrate();
        RegisterText.Read read = RegisterText.read(Files.readAllBytes(WorkspaceHttpTest.SAMPLE), RegisterFiles.Format.JSON,
                "millbrook-register.json");
        List<org.dsarules.model.Agreement> agreements = read.entries().stream().filter(e -> e instanceof RegisterEntry.Valid)
                .map(e -> ((RegisterEntry.Valid) e).agreement()).toList();
        List<String> json = RegisterText.agreementJson(agreements);
        String now = java.time.Instant.now().toString();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO practice (id, ods_code, created_at, created_by) VALUES (1, 'Z99042', '" + now + "', 'local')");
            try (var v = c.prepareStatement("INSERT INTO register_version (id, practice_id, number, practice_json, kind, source, "
                    + "created_at, created_by) VALUES (1, 1, 1, ?, 'IMPORT', 'import: millbrook-register.json', ?, 'local')")) {
                v.setString(1, RegisterText.practiceJson(read.practice()));
                v.setString(2, now);
                v.executeUpdate();
            }
            for (int i = 0; i < json.size(); i++) {
                try (var r = c.prepareStatement("INSERT INTO agreement_revision (id, practice_id, dsa_id, revision, json, created_at, "
                        + "created_by) VALUES (?, 1, ?, 1, ?, ?, 'local')")) {
                    r.setInt(1, i + 1);
                    r.setString(2, agreements.get(i).id());
                    r.setString(3, json.get(i));
                    r.setString(4, now);
                    r.executeUpdate();
                }
                st.executeUpdate("INSERT INTO register_version_agreement (version_id, position, revision_id) VALUES (1, " + i + ", "
                        + (i + 1) + ")");
            }
        }
        try (Workspace before = Workspace.open(old, rules)) {
            Path out = dir.resolve("old.xlsx");
            try (OutputStream o = Files.newOutputStream(out)) {
                before.export("Z99042", 0, RegisterFiles.Format.XLSX, o);
            }
            assertTrue(ownColumns(out, RegisterFiles.Format.XLSX).isEmpty());
            assertEquals(agreements.size(), before.register("Z99042", 1).agreements().size());
            String id = agreements.get(0).id();
            assertInstanceOf(Registers.Saved.class, before.edit("Z99042", id, 1, Map.of("notes", "edited after V4"), Actor.LOCAL,
                    null, before.today()));
            assertEquals("edited after V4", before.register("Z99042", 2).agreements().get(0).notes());
        }
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
