package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsarules.DsaRules;
import org.dsarules.catalogue.Catalogue;
import org.dsarules.model.Agreement;
import org.dsarules.register.RegisterFiles;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.Questionnaire;
import org.dsarules.round.SystemAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programmes view groups agreements under the key core's {@link org.dsarules.round.Programmes} gives them
 * (record-format.md v1.2), the key the system questionnaire and the LMC's letter group by: one programme under
 * two names of one alias, a title and requester spelt two ways, but never a title without its requester, which
 * the questionnaire asks per practice.
 */
class ProgrammeKeysTest {
    static final String A = "Z99042";
    static final String B = "A81001";

    @TempDir
    Path dir;
    DsaRules rules;
    Workspace ws;
    Campaign campaign;
    SystemRound round;

    @BeforeEach
    void open() throws Exception {
        rules = DsaRules.defaults();
        ws = Workspace.open(dir, rules);
        campaign = new Campaign(ws);
        round = new SystemRound(campaign, Catalogue.shipped(ProgrammeKeysTest.class.getClassLoader()));
        // MB-03: one programme, by its acronym in A and by a catalogue name in B.
        // MB-10: a title and requester, spelt differently in B: one programme without a programme name.
        // MB-01: the same title, no requester, no programme: each practice's own (the questionnaire asks it per practice).
        ws.importRegister(register(A, "GDPPR", "Westvale ICB frailty risk model (new request)"), RegisterFiles.Format.JSON,
                "a.json", null, Actor.LOCAL, null);
        ws.importRegister(register(B, "GPES Data for Pandemic Planning and Research", "WESTVALE ICB frailty-risk model (new request)"),
                RegisterFiles.Format.JSON, "b.json", null, Actor.LOCAL, null);
    }

    @AfterEach
    void close() {
        ws.close();
        rules.close();
    }

    static byte[] register(String ods, String gdppr, String frailtyTitle) throws Exception {
        String s = Files.readString(WorkspaceHttpTest.SAMPLE).replace("Z99042", ods);
        ObjectNode root = (ObjectNode) RegisterText.JSON.readTree(s);
        for (var a : root.withArray("agreements")) {
            String id = a.path("id").asText();
            if (id.equals("MB-03")) {
                ((ObjectNode) a).put("programme", gdppr);
            } else if (id.equals("MB-10")) {
                ((ObjectNode) a).put("title", frailtyTitle);
            }
        }
        return RegisterText.JSON.writeValueAsBytes(root);
    }

    /** The practices the programmes view shows agreement {@code id} of {@code ods} together with. */
    Set<String> onTheProgrammesView(String ods, String id) {
        for (Programmes.Programme p : round.programmes(List.of(A, B), ws.today()).programmes()) {
            if (p.members().stream().anyMatch(m -> m.odsCode().equals(ods) && m.dsaId().equals(id))) {
                return new TreeSet<>(p.members().stream().map(Programmes.Member::odsCode).toList());
            }
        }
        return Set.of(ods);
    }

    /** The practices core's grouping (the LMC's letter, the system report) holds agreement {@code id} of {@code ods} with. */
    Set<String> inCore(String ods, String id) {
        List<AuditedRegister> registers = List.of(Campaign.round(campaign.model(A, ws.today()), A),
                Campaign.round(campaign.model(B, ws.today()), B));
        for (SystemAudit.Programme p : SystemAudit.of(registers, round.aliases()).programmes()) {
            if (p.holdings().stream().anyMatch(h -> h.practice().equals(ods) && h.agreement().id().equals(id))) {
                return new TreeSet<>(p.holdings().stream().map(SystemAudit.Holding::practice).toList());
            }
        }
        return Set.of();
    }

    /** Whether the system questionnaire asks a fact of the agreement itself for {@code ods}'s {@code id} alone. */
    boolean askedPerPractice(String ods, String id) {
        return round.questionnaire(List.of(A, B), ws.today()).stream().anyMatch(r -> ods.equals(r.practice())
                && id.equals(r.agreementId()) && !Questionnaire.PRACTICE_FIELDS.contains(r.field()) && !r.field().startsWith("parties["));
    }

    @Test
    void theProgrammesViewGroupsAsTheSystemQuestionnaireAndCoreDo() {
        assertEquals(Set.of(A, B), onTheProgrammesView(A, "MB-03"), "GDPPR under two names is one programme");
        assertEquals(Set.of(A, B), onTheProgrammesView(A, "MB-10"), "a title and requester spelt two ways are one programme");
        assertEquals(Set.of(A), onTheProgrammesView(A, "MB-01"), "a title without a requester is each practice's own");
        for (String id : List.of("MB-01", "MB-03", "MB-10")) {
            for (String ods : List.of(A, B)) {
                Set<String> view = onTheProgrammesView(ods, id);
                assertEquals(inCore(ods, id), view, ods + " " + id + ": the programmes view and the LMC's letter group alike");
                if (view.size() > 1) {
                    assertFalse(askedPerPractice(ods, id), ods + " " + id + " is shared on the programmes view: asked once");
                }
            }
        }
        assertTrue(askedPerPractice(A, "MB-01") && askedPerPractice(B, "MB-01"),
                "the shared care record without a requester is asked per practice");
    }

    /** A name only the LMC's alias file knows groups alike everywhere once the file is given (--aliases FILE), and nowhere before. */
    @Test
    void anAliasFileGroupsTheProgrammesViewAsItGroupsTheQuestionnaire() throws Exception {
        ws.importRegister(register(B, "GP Data for Planning and Research", "Westvale ICB frailty risk model (new request)"),
                RegisterFiles.Format.JSON, "b2.json", null, Actor.LOCAL, null);
        assertEquals(Set.of(A), onTheProgrammesView(A, "MB-03"), "without the alias file: two programmes");
        assertEquals(inCore(A, "MB-03"), onTheProgrammesView(A, "MB-03"));

        org.dsarules.catalogue.ProgrammeAliases file = org.dsarules.catalogue.ProgrammeAliases.readCsv(
                new java.io.StringReader("alias,programme\n\"GP Data for Planning and Research\",GDPPR\n"), "aliases.csv");
        round = new SystemRound(campaign, rules.knowledgeBase().catalogue(), org.dsarules.round.Programmes.withShipped(file));
        assertEquals(Set.of(A, B), onTheProgrammesView(A, "MB-03"), "with it: one programme");
        assertEquals(inCore(A, "MB-03"), onTheProgrammesView(A, "MB-03"));
        Programmes.Programme gdppr = round.programmes(List.of(A, B), ws.today()).programmes().stream()
                .filter(p -> p.members().stream().anyMatch(m -> m.dsaId().equals("MB-03"))).findFirst().orElseThrow();
        assertTrue(gdppr.catalogued(), gdppr.toString());
        assertTrue(gdppr.differences().stream().noneMatch(d -> d.field().equals("programme")),
                "the names differ, the programme is one: " + gdppr.differences());
        for (String ods : List.of(A, B)) {
            assertFalse(askedPerPractice(ods, "MB-03"), ods + ": asked once for the programme");
        }
        // Advice on it reaches both practices' agreements, by the key the view gives.
        SystemRound.Advised advised = round.advise(gdppr.key(), org.dsarules.model.LmcAdvice.KEEP, List.of(A, B),
                new Actor("officer", "officer"), null);
        assertTrue(advised.versions().get(A) > 0 && advised.versions().get(B) > 0, advised.versions().toString());
    }

    /** A title and requester's key holds a "/", which an address segment cannot: the view's slug carries it. */
    @Test
    void aTitleAndRequesterKeyTravelsInAnAddress() {
        Programmes.Programme frailty = round.programmes(List.of(A, B), ws.today()).programmes().stream()
                .filter(p -> p.members().stream().anyMatch(m -> m.dsaId().equals("MB-10"))).findFirst().orElseThrow();
        assertTrue(frailty.key().contains("/"), frailty.key());
        assertFalse(frailty.slug().contains("/"), frailty.slug());
        assertEquals(frailty.key(), Programmes.unslug(frailty.slug()));
        Agreement a = ws.register(A, ws.currentVersion(A)).agreements().stream().filter(x -> x.id().equals("MB-10")).findFirst()
                .orElseThrow();
        assertEquals(frailty.key(), round.programmeOf(a), "the agreement page finds the advice by the same key");
    }

    /**
     * The programmes view compares the practices' values as the rules read them, as core's system report does: no
     * advice and NONE are one fact, a "TBC" instrument and none given are one fact; a real difference stays.
     */
    @Test
    void noAdviceAndNoneAndTbcAndBlankAreNoDifference() throws Exception {
        String s = Files.readString(WorkspaceHttpTest.SAMPLE).replace("Z99042", B);
        ObjectNode root = (ObjectNode) RegisterText.JSON.readTree(s);
        for (var a : root.withArray("agreements")) {
            if (a.path("id").asText().equals("MB-03")) {
                ((ObjectNode) a).put("programme", "GDPPR").remove("lmcAdvice"); // A's says NONE
                ((ObjectNode) a.path("legalRequirement")).put("reference", "TBC");
            }
        }
        ws.importRegister(RegisterText.JSON.writeValueAsBytes(root), RegisterFiles.Format.JSON, "b2.json", null, Actor.LOCAL, null);
        String aWithout = Files.readString(WorkspaceHttpTest.SAMPLE);
        ObjectNode ra = (ObjectNode) RegisterText.JSON.readTree(aWithout);
        for (var a : ra.withArray("agreements")) {
            if (a.path("id").asText().equals("MB-03")) {
                ((ObjectNode) a).put("programme", "GDPPR");
                ((ObjectNode) a.path("legalRequirement")).remove("reference");
            }
        }
        ws.importRegister(RegisterText.JSON.writeValueAsBytes(ra), RegisterFiles.Format.JSON, "a2.json", null, Actor.LOCAL, null);
        Programmes.Programme gdppr = round.programmes(List.of(A, B), ws.today()).programmes().stream()
                .filter(p -> p.members().size() == 2 && p.members().stream().anyMatch(m -> m.dsaId().equals("MB-03")))
                .findFirst().orElseThrow();
        assertTrue(gdppr.differences().stream().noneMatch(d -> d.field().equals("lmcAdvice")
                || d.field().equals("legalRequirement.reference")), gdppr.differences().toString());
    }
}
