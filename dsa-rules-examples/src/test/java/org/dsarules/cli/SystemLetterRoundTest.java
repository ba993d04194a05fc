package org.dsarules.cli;

import static org.dsarules.cli.RoundTest.dsa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LMC's letter for the system (issue 26), on the project's messy folder with the real rules: one heading
 * per programme however the practices name it (an alias file on the command line), each question once under
 * it; after the ICB's reply is applied (an assessment with a comment, a DECLINED, a system answer that
 * conflicts with a practice's value), the letter acknowledges what was answered and passes on what was
 * declined, in the LMC's words, with no validation message about the records in error.
 */
class SystemLetterRoundTest {
    private static final List<String> FOLDER = List.of(MessyFolderTest.A, MessyFolderTest.B, MessyFolderTest.C);

    private static String letter(List<String> registers, String... more) {
        return letter("2026-12-07", registers, more);
    }

    private static String letter(String asOf, List<String> registers, String... more) {
        List<String> args = new ArrayList<>(List.of("letter", "--system"));
        args.addAll(registers);
        args.addAll(List.of("--as-of", asOf, "--allow-incomplete"));
        args.addAll(List.of(more));
        RoundTest.Run run = dsa(args.toArray(String[]::new));
        assertEquals(1, run.status(), run.err()); // practice A's two records in error
        return run.out();
    }

    /** The letter's sections ("## ..."), each with its programme headings ("### ...") and their bullets. */
    private static Map<String, Map<String, List<String>>> sections(String letter) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        Map<String, List<String>> section = null;
        List<String> bullets = null;
        for (String line : letter.split("\n")) {
            if (line.startsWith("## ")) {
                section = new LinkedHashMap<>();
                assertEquals(null, out.put(line.substring(3), section), "section twice: " + line);
                bullets = null;
            } else if (line.startsWith("### ") && section != null) {
                bullets = new ArrayList<>();
                assertEquals(null, section.put(line.substring(4), bullets), "one heading per programme: " + line + "\n" + letter);
            } else if (line.startsWith("- ") && bullets != null) {
                bullets.add(line.substring(2));
            }
        }
        return out;
    }

    private static void eachQuestionOnce(Map<String, List<String>> programmes, String letter) {
        programmes.forEach((heading, questions) -> assertEquals(questions.size(), new HashSet<>(questions).size(),
                heading + " asks a question twice:\n" + letter));
    }

    @Test
    void oneHeadingPerProgrammeWithTheAliasFileEachQuestionOnce() {
        String letter = letter(FOLDER, "--aliases", MessyFolderTest.ALIASES);
        Map<String, Map<String, List<String>>> sections = sections(letter);
        Map<String, List<String>> asked = sections.get("1. Our questions, programme by programme");
        Set<String> headings = asked.keySet();
        // GDPPR, "gdppr." and "GDPPR extraction" are one programme; "CPRD Aurum", "C.P.R.D" another; OpenSAFELY one
        assertEquals(3, headings.stream().filter(h -> h.contains("held by 3 of our practices")
                || h.contains("held by 2 of our practices")).count(), headings.toString());
        assertTrue(headings.contains("GDPPR (held by 3 of our practices)"), headings.toString());
        assertTrue(headings.contains("CPRD Aurum (held by 3 of our practices)"), headings.toString());
        assertTrue(headings.stream().noneMatch(h -> h.toLowerCase().startsWith("gdppr extraction")), headings.toString());
        eachQuestionOnce(asked, letter);
        // a question asked per practice names the agreements it is for, once
        assertTrue(asked.get("CPRD Aurum (held by 3 of our practices)").stream()
                .anyMatch(q -> q.contains("(for each practice: A81001 A-2")), letter);

        // without the alias file, "GDPPR extraction" is a programme of its own: the alias file is what groups it
        String plain = letter(FOLDER);
        assertTrue(sections(plain).get("1. Our questions, programme by programme").keySet().stream()
                .anyMatch(h -> h.startsWith("GDPPR extraction")), plain);
    }

    @Test
    void afterTheIcbsReplyItAcknowledgesAndPassesOnTheDecline(@TempDir Path dir) throws Exception {
        Path answers = Files.writeString(dir.resolve("system-answers.csv"),
                "practice,agreementId,programme,title,field,question,allowed,answer,comment\n"
                + ",,GDPPR,,icbAssessment.conclusion,q,one of,NECESSARY_AND_LAWFUL,Under the 2012 Act direction\n"
                + ",,GDPPR,,dpiaProvided,q,true or false,true,\n"
                + ",,CPRD,,icbAssessment.conclusion,q,one of,DECLINED,The ICB's role is limited to commissioning\n",
                StandardCharsets.UTF_8);
        Path round2 = Files.createDirectory(dir.resolve("round2"));
        RoundTest.Run applied = dsa("answer", MessyFolderTest.A, MessyFolderTest.B, MessyFolderTest.C, answers.toString(),
                "--out", round2.toString(), "--on", "2026-12-20", "--aliases", MessyFolderTest.ALIASES);
        assertEquals(1, applied.status(), applied.out() + applied.err());
        // B's register says no DPIA was provided: the system answer does not overwrite it
        assertTrue(applied.out().contains("B82002 B-1 dpiaProvided: the practice holds \"false\", the answer is \"true\""),
                applied.out());

        List<String> registers = List.of(round2.resolve("practice-a.csv").toString(),
                round2.resolve("practice-b.csv").toString(), round2.resolve("practice-c.csv").toString());
        String letter = letter("2026-12-21", registers, "--aliases", MessyFolderTest.ALIASES);
        Map<String, Map<String, List<String>>> sections = sections(letter);
        assertEquals(List.of("1. What your reply settled", "2. What is still open, programme by programme",
                "3. Programmes you declined to assess", "4. The LMC's advice",
                "5. Where our practices' agreements for one programme differ", "Agreements this letter does not cover"),
                new ArrayList<>(sections.keySet()), letter);
        assertTrue(letter.contains("Thank you for your reply of 20 December 2026. We have recorded your answers in each "
                + "practice's register that holds the programme, and the practices have reviewed their agreements again as "
                + "of 21 December 2026."), letter);

        // the acknowledgement: the assessment with the ICB's comment, for every practice; the DPIA where it was recorded
        List<String> gdppr = sections.get("1. What your reply settled").get("GDPPR (held by 3 of our practices)");
        assertTrue(gdppr.contains("Your assessment: necessary and lawful. Recorded for A81001, B82002, C83003. You added: "
                + "\u201CUnder the 2012 Act direction\u201D"), gdppr.toString());
        assertTrue(gdppr.contains("dpiaProvided: true. Recorded for C83003."), gdppr.toString());
        List<String> cprd = sections.get("1. What your reply settled").get("CPRD Aurum (held by 3 of our practices)");
        assertTrue(cprd.get(0).startsWith("You declined to assess it (we answer that below)."), cprd.toString());

        // the decline passed on, in the LMC's words for the whole system
        Map<String, List<String>> declined = sections.get("3. Programmes you declined to assess");
        assertEquals(List.of("CPRD Aurum (held by 3 of our practices)"), new ArrayList<>(declined.keySet()));
        assertTrue(letter.contains("The practices ask as controllers."), letter);
        assertTrue(letter.contains("The ICB can obtain the answers. These agreements reached our practices through the ICB, "
                + "which commissions or hosts them"), letter);
        assertTrue(letter.contains("please pass our questions to it, as each programme below says"), letter);
        assertTrue(letter.contains("Your reply said: \u201CThe ICB's role is limited to commissioning\u201D"), letter);
        // the controller B-2 and C-2 name (A-2's party role is "tbc", not known), by name
        assertTrue(letter.contains("These questions are for CPRD, which the agreement names as controller:"), letter);
        eachQuestionOnce(declined, letter);
        // what was declined is not asked again as open, and GDPPR's assessment is not asked again
        Map<String, List<String>> open = sections.get("2. What is still open, programme by programme");
        assertFalse(open.containsKey("CPRD Aurum (held by 3 of our practices)"), letter);
        assertTrue(open.getOrDefault("GDPPR (held by 3 of our practices)", List.of()).stream()
                .noneMatch(q -> q.startsWith("Your assessment")), letter);
        eachQuestionOnce(open, letter);

        // the records in error by reference only
        assertTrue(letter.contains("- Ashby Surgery (A81001): reference A-3 (entry 3 of its register)"), letter);
        for (String word : List.of("BAD_DATE", "BAD_ENUM", "did you mean", "EXSTING", "leave it empty")) {
            assertFalse(letter.contains(word), word + " in:\n" + letter);
        }
    }
}
