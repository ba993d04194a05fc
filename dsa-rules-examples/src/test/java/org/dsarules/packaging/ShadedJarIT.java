package org.dsarules.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Run by failsafe after {@code package}: the default rules decide from an uber-jar made by
 * maven-shade-plugin with only the ServicesResourceTransformer (before, Drools found no executable model
 * in such a jar, fell back to compiling DRL and failed), and give the same document as the thin jar.
 */
class ShadedJarIT {
    private static final Path TARGET = Path.of("target");
    private static final String SAMPLE = "samples/millbrook-register.json";

    @Test
    void theUberJarDecidesTheSampleRegisterAsTheThinJarDoes() throws Exception {
        Path uber = TARGET.resolve("dsa-audit-uber.jar");
        assertTrue(Files.isRegularFile(uber), uber + " was not built");
        String fromUber = run("-jar", uber.toString(), "audit", SAMPLE, "--format", "json", "--as-of", "2026-06-15");
        String fromThin = run("-jar", TARGET.resolve("dsa-audit.jar").toString(), "audit", SAMPLE, "--format", "json",
                "--as-of", "2026-06-15");
        assertTrue(fromUber.contains("\"decisions\""), fromUber);
        assertEquals(fromThin, fromUber);
    }

    private static String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("uber", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), String.join(" ", cmd) + File.separator + text);
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
