package org.dsarules.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.json.DecisionDocumentWriter;
import org.dsarules.register.RegisterFiles;
import org.dsarules.documents.Reports;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.Questionnaire;
import org.dsarules.round.SystemAudit;
import org.dsarules.round.documents.FollowUpLetter;
import org.dsarules.round.documents.SystemLetter;
import org.dsarules.round.documents.SystemReport;

/**
 * Every document of an LMC's system in one process with one {@link DsaRules}: for each register of a
 * folder, its audit (decision JSON, text-free HTML report), its letter, its BMA referrals, its PPG page
 * and its questionnaire; then the system report (text, HTML, JSON), the system questionnaire and the
 * LMC's letter. Prints the wall time from start (the knowledge base's load included) to the last
 * document written. Run by {@code bench/system.sh}; not part of {@code mvn verify}.
 *
 * <p>Arguments: the folder of registers, the folder for the documents, the as-of date.
 */
public final class SystemDocuments {
    private SystemDocuments() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        Path in = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        LocalDate asOf = LocalDate.parse(args[2]);
        DsaRules rules = DsaRules.defaults();
        long loaded = System.nanoTime();
        List<Path> files;
        try (Stream<Path> s = Files.list(in)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<AuditedRegister> audited = new ArrayList<>();
        int documents = 0;
        int agreements = 0;
        for (Path f : files) {
            AuditedRegister r = AuditedRegister.of(f.toString(), rules, RegisterFiles.open(f), asOf);
            audited.add(r);
            agreements += r.result().summary().total();
            String base = f.getFileName().toString().replace(".json", "");
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            DecisionDocumentWriter.write(r.result(), json);
            Files.write(out.resolve(base + "-decisions.json"), json.toByteArray());
            write(out.resolve(base + "-audit.html"), Reports.html(r.result(), r.agreementsById()));
            write(out.resolve(base + "-letter.md"), FollowUpLetter.due(r) ? FollowUpLetter.markdown(r, 28)
                    : Reports.icbLetter(r.result(), r.agreementsById(), Reports.Format.MARKDOWN));
            write(out.resolve(base + "-bma-referrals.txt"), Reports.bmaReferrals(r.result(), r.agreementsById()));
            write(out.resolve(base + "-ppg.md"), Reports.ppgSummary(r.result(), r.agreementsById()));
            StringWriter q = new StringWriter();
            Questionnaire.write(Questionnaire.of(r), q);
            write(out.resolve(base + "-questionnaire.csv"), q.toString());
            documents += 6;
        }
        SystemAudit system = SystemAudit.of(audited);
        write(out.resolve("system.txt"), SystemReport.text(system));
        write(out.resolve("system.html"), SystemReport.html(system));
        write(out.resolve("system.json"), SystemReport.json(system));
        StringWriter q = new StringWriter();
        Questionnaire.write(Questionnaire.ofSystem(audited), q);
        write(out.resolve("system-questionnaire.csv"), q.toString());
        write(out.resolve("system-letter.md"), SystemLetter.markdown(system));
        documents += 5;
        long end = System.nanoTime();
        System.out.printf("%d practices, %d agreements, %d programmes (%d shared), %d documents: %.2f s in all"
                        + " (knowledge base load %.2f s, audits and documents %.2f s)%n",
                files.size(), agreements, system.programmes().size(), system.shared().size(), documents,
                (end - start) / 1e9, (loaded - start) / 1e9, (end - loaded) / 1e9);
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
