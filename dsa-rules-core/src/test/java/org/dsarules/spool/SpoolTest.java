package org.dsarules.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the audit holds until its end, in bounded memory: nothing lost, nothing reordered, nothing merged. */
class SpoolTest {

    @Test
    void linesComeBackInOrderFromMemoryAndFromTheFile() throws Exception {
        for (int limit : new int[] {1 << 20, 10}) {
            try (Spool s = new Spool(limit)) {
                List<String> in = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    String line = "line " + i + " CAFÉ \uD83D\uDE00 " + "x".repeat(i % 7);
                    in.add(line);
                    s.add(line);
                }
                assertEquals(limit == 10, s.spilled());
                assertEquals(5_000, s.size());
                List<String> out = new ArrayList<>();
                s.forEach(out::add);
                assertEquals(in, out);
            }
        }
    }

    @Test
    void copyToWritesEveryLineEndedByANewline() throws Exception {
        try (Spool s = new Spool(4)) {
            s.add("a");
            s.add("");
            s.add("é");
            StringWriter w = new StringWriter();
            s.copyTo(w);
            assertEquals("a\n\né\n", w.toString());
        }
    }

    @Test
    void idsAreFoundAgainInTheHeapAndPastIt() {
        IdIndex ids = new IdIndex(100);
        for (int i = 0; i < 300_000; i++) {
            assertEquals(-1, ids.putIfAbsent("ID-" + i, i), "new id " + i);
        }
        for (int i = 0; i < 300_000; i += 997) {
            assertEquals(i, ids.putIfAbsent("ID-" + i, 1_000_000 + i), "the first index of ID-" + i);
        }
        assertEquals(-1, ids.putIfAbsent("ID-300000", 5));
    }

    @Test
    void idsThatDifferOnlyInALoneSurrogateAreDifferentIds() {
        IdIndex ids = new IdIndex(0);
        assertEquals(-1, ids.putIfAbsent("A\udc00", 0));
        assertEquals(-1, ids.putIfAbsent("A?", 1));
        assertEquals(-1, ids.putIfAbsent("A\udc01", 2));
        assertEquals(0, ids.putIfAbsent("A\udc00", 3));
        assertFalse(ids.putIfAbsent("A?", 4) < 0);
        assertTrue(ids.putIfAbsent("a?", 5) < 0);
    }
}
