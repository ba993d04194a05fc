package org.dsarules.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void everyWordOfTheListIsAPlaceholder() {
        List<String> words = List.of("unknown", "not known", "n/k", "nk", "n/a", "na", "not applicable", "tbc", "tbd",
                "to be confirmed", "to be decided", "none", "pending", "?", "-");
        for (String w : words) {
            assertTrue(Placeholders.isPlaceholder(w), w);
            assertTrue(Placeholders.isPlaceholder(w.toUpperCase(java.util.Locale.ROOT)), w);
            assertTrue(Placeholders.isPlaceholder("  " + w + ".  "), w);
            assertTrue(Placeholders.isPlaceholder("\t" + w + " .\n"), w);
        }
        assertTrue(words.size() == Placeholders.WORDS.size());
    }

    @Test
    void mixedCaseAsTyped() {
        assertTrue(Placeholders.isPlaceholder("TBC"));
        assertTrue(Placeholders.isPlaceholder("Unknown"));
        assertTrue(Placeholders.isPlaceholder("N/A."));
        assertTrue(Placeholders.isPlaceholder("To Be Confirmed"));
    }

    @Test
    void otherTextIsNotAPlaceholder() {
        for (String s : new String[] {null, "", "   ", ".", "..", "TBC..", "TBC soon", "tbc?", "n / a", "notknown",
                "PRACTICE", "GPES Data Provision Notice", "none of them", "-1", "??", "unknown."  + "x"}) {
            assertFalse(Placeholders.isPlaceholder(s), String.valueOf(s));
        }
    }
}
