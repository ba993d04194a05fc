package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docs/examples/} holds what each command makes of the sample register as of 2026-06-15, so
 * the README can show a real example of each; they must match what the tool makes now. After a
 * change to the rules or the templates, regenerate them:
 * {@code mvn -pl dsa-rules-examples test -Dtest=SampleDocumentsTest -Ddsa.updateDocs=true}.
 */
class SampleDocumentsTest {
    static final Path DIR = Path.of("../docs/examples");
    static final String SAMPLE = AuditCommandTest.SAMPLE.toString();

    record Doc(String file, List<String> args, int status) {
        Doc(String file, List<String> args) {
            this(file, args, 0);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static List<Doc> docs() {
        return List.of(
                new Doc("audit-report.txt", List.of("audit", SAMPLE, "--as-of", "2026-06-15", "--trace", "decisive")),
                new Doc("audit-report.html", List.of("audit", SAMPLE, "--as-of", "2026-06-15", "--format", "html")),
                new Doc("decisions.json", List.of("audit", SAMPLE, "--as-of", "2026-06-15", "--format", "json")),
                new Doc("letter-to-icb.md", List.of("letter", SAMPLE, "--as-of", "2026-06-15", "--format", "markdown")),
                // A register filled from what a practice knows (names, organisations, rough purposes): the letter
                // asks each question once, numbered, so twelve open agreements still fit on two pages.
                new Doc("letter-to-icb-sparse.md", List.of("letter", "samples/sparse-register.json", "--as-of", "2026-06-15")),
                new Doc("bma-referrals.txt", List.of("refer", SAMPLE, "--as-of", "2026-06-15")),
                new Doc("ppg-summary.md", List.of("ppg", SAMPLE, "--as-of", "2026-06-15")),
                new Doc("ppg-summary.html", List.of("ppg", SAMPLE, "--as-of", "2026-06-15", "--format", "html")),
                new Doc("letter-notice.txt", List.of("letter", SAMPLE, "--as-of", "2026-06-15", "--kind", "notice")),
                new Doc("letter-supplier.txt", List.of("letter", SAMPLE, "--as-of", "2026-06-15", "--kind", "supplier")),
                new Doc("letter-referral-reply.txt", List.of("letter", SAMPLE, "--as-of", "2026-06-15", "--kind",
                        "referral-reply")),
                // The second month (SecondMonthTest walks it): the follow-up and the next questionnaire.
                new Doc("letter-follow-up.md", List.of("letter", SecondMonthTest.MONTH_2.toString(), "--as-of", "2026-07-20")),
                new Doc("questionnaire-month-2.csv", List.of("questions", SecondMonthTest.MONTH_2.toString(), "--as-of",
                        "2026-07-20")),
                // The LMC's letter for a folder of three practices' registers as typed (programme names in several
                // forms, an alias file, a Windows-1252 file, two records in error named by reference): exit 1.
                new Doc("letter-system.md", List.of("letter", "--system", "samples/messy-folder", "--aliases",
                        "samples/messy-aliases.csv", "--allow-incomplete", "--as-of", "2026-12-07"), 1));
    }

    @ParameterizedTest
    @MethodSource("docs")
    void exampleDocumentIsCurrent(Doc doc) throws Exception {
        AuditCommandTest.Run r = AuditCommandTest.run(doc.args().toArray(String[]::new));
        assertEquals(doc.status(), r.status(), r.err());
        // The register's path as typed appears in the text report; show it from the project root.
        String made = r.out().replace("samples/millbrook-register.json", "dsa-rules-examples/samples/millbrook-register.json");
        Path file = DIR.resolve(doc.file());
        if (Boolean.getBoolean("dsa.updateDocs")) {
            Files.createDirectories(DIR);
            Files.writeString(file, made, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), file + " is missing: run with -Ddsa.updateDocs=true");
        assertEquals(made, Files.readString(file, StandardCharsets.UTF_8),
                file + " is stale: regenerate it with -Ddsa.updateDocs=true (see this test's javadoc)");
    }
}
