package org.dsarules.cli;

import static org.dsarules.cli.RoundTest.dsa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each practice's letter into a folder follows the single-register letter's rule for records in error
 * (issue 27 item 6), register by register, on the project's messy folder with the real rules (practice A holds
 * in error, B and C none): without --allow-incomplete A gets no letter and is named in one line, B's
 * and C's letters are written, exit 1; with it, A's letter names by reference only. Entries are
 * counted from 1 in every letter.
 */
class LettersRecordsInErrorTest {
    private static final List<String> VALIDATION = List.of("BAD_DATE", "BAD_ENUM", "did you mean", "14/09/22", "EXSTING",
            "leave it empty");

    private static RoundTest.Run letters(Path dir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("letter", MessyFolderTest.A, MessyFolderTest.B,
                MessyFolderTest.C, "--as-of", "2026-12-07", "--out", dir.toString()));
        args.addAll(List.of(more));
        return dsa(args.toArray(String[]::new));
    }

    @Test
    void withoutAllowIncompleteARegisterInErrorGetsNoLetterAndIsNamed(@TempDir Path dir) throws Exception {
        RoundTest.Run run = letters(dir);
        assertEquals(1, run.status(), run.err());
        assertFalse(Files.exists(dir.resolve("practice-a-letter.md")), run.out());
        assertTrue(Files.exists(dir.resolve("practice-b-letter.md")), run.out());
        assertTrue(Files.exists(dir.resolve("practice-c-letter.md")), run.out());
        List<String> named = run.err().lines().filter(l -> l.contains(MessyFolderTest.A)).toList();
        assertEquals(List.of("dsa-audit: " + MessyFolderTest.A + ": 2 record(s) in error, so no letter was written for it: "
                + "it would leave them out without a word. Correct them (run 'dsa-audit audit " + MessyFolderTest.A
                + "' to see why), or pass --allow-incomplete for a letter that names them"), named);
        assertTrue(run.err().lines().filter(l -> l.contains("record(s) in error")).allMatch(named::contains), run.err());
        assertFalse(run.out().contains("practice-a-letter"), run.out());
    }

    @Test
    void withAllowIncompleteItsLetterNamesThemByReferenceOnly(@TempDir Path dir) throws Exception {
        RoundTest.Run run = letters(dir, "--allow-incomplete");
        assertEquals(1, run.status(), run.err());
        String a = Files.readString(dir.resolve("practice-a-letter.md"));
        assertTrue(a.contains("This letter leaves out 2 agreement(s) whose entries in our register are incomplete; we will "
                + "write about them separately: our reference A-3 (entry 3 of our register); our reference A-4 (entry 4 "
                + "of our register)."), a);
        for (String word : VALIDATION) {
            assertFalse(a.contains(word), word + " in:\n" + a);
        }
        assertFalse(Files.readString(dir.resolve("practice-b-letter.md")).contains("leaves out"));
        assertTrue(run.err().contains(MessyFolderTest.A + ": 2 record(s) in error, named in its practice's letter by "
                + "reference, not decided"), run.err());
    }

    @Test
    void theFirstEntryIsEntryOne(@TempDir Path dir) throws Exception {
        Path reg = Files.writeString(dir.resolve("reg.csv"), "practice.odsCode,practice.name,id,title,status\n"
                + "Y2,Yew,Y-1,GDPPR,EXSTING\n"
                + "Y2,Yew,,GDPPR,EXISTING\n"
                + "Y2,Yew,Y-3,GDPPR,EXISTING\n");
        RoundTest.Run run = dsa("letter", reg.toString(), "--as-of", "2026-12-07", "--allow-incomplete");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("we will write about them separately: our reference Y-1 (entry 1 of our register); "
                + "entry 2 of our register."), run.out());
        assertFalse(run.out().contains("entry 0"), run.out());
    }

    @Test
    void theFollowUpIntoAFolderNamesThemToo(@TempDir Path dir) throws Exception {
        RoundTest.Run run = letters(dir, "--allow-incomplete", "--follow-up");
        assertEquals(1, run.status(), run.err());
        String a = Files.readString(dir.resolve("practice-a-letter.md"));
        assertTrue(a.contains("This letter leaves out 2 agreement(s) whose entries in our register are incomplete; we will "
                + "write about them separately: our reference A-3 (entry 3 of our register); our reference A-4 (entry 4 "
                + "of our register)."), a);
        for (String word : VALIDATION) {
            assertFalse(a.contains(word), word + " in:\n" + a);
        }
        // a paragraph of its own, between the opening and the first section
        assertTrue(a.contains(".\n\nThis letter leaves out "), a);
        assertTrue(a.contains("(entry 4 of our register).\n\n## 1. What your reply settled\n"), a);
        RoundTest.Run refused = letters(Files.createDirectories(dir.resolve("refused")), "--follow-up");
        assertEquals(1, refused.status(), refused.err());
        assertFalse(Files.exists(dir.resolve("refused/practice-a-letter.md")));
        assertTrue(Files.exists(dir.resolve("refused/practice-b-letter.md")));
    }
}
