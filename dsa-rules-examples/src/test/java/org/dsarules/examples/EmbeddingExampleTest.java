package org.dsarules.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The embedding example the README points to runs, and decides what the policy says. */
class EmbeddingExampleTest {
    @Test
    void theExampleDecidesItsAgreement() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        // A commercial controller and no duty, during the campaign: withdraw on the campaign's red flag.
        assertTrue(text.startsWith("DSA-42: WITHDRAW (decided by withdraw-campaign-red-flag)"), text);
        assertTrue(text.contains("RF-COMMERCIAL"), text);
    }
}
