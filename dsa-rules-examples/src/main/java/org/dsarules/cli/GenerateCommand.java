package org.dsarules.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.dsarules.register.json.AgreementCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dsa-audit generate}: a synthetic register, the same for the same seed. */
@Command(name = "generate",
        description = {"Write a synthetic register of realistic agreements (all purposes, parties, unknowns and "
                + "red flags in plausible proportions), the same for the same seed: for benchmarks, and to try the "
                + "tool at scale. The register streams out: any count fits in memory."})
final class GenerateCommand implements Callable<Integer> {

    enum Mix { realistic, exhaustive }

    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many agreements.")
    long count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "The seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--mix", defaultValue = "realistic", paramLabel = "MIX",
            description = "realistic (plausible proportions) or exhaustive (every value, absent and present). "
                    + "Default: ${DEFAULT-VALUE}.")
    Mix mix;

    @Option(names = "--programmes",
            description = "Give each agreement its title as its programme, so that registers generated with different "
                    + "seeds share programmes, as an LMC's practices do (for the system report and its benchmark).")
    boolean programmes;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (count < 0) {
            throw new CliException("--count must be 0 or more, not " + count);
        }
        if (out != null) {
            SafeOutput.write(out, this::write);
        } else {
            PrintWriter w = spec.commandLine().getOut();
            JsonGenerator g = new JsonFactory().createGenerator(w);
            write(g);
            w.flush();
        }
        return ExitStatus.OK;
    }

    private void write(OutputStream os) throws IOException {
        write(new JsonFactory().createGenerator(os, JsonEncoding.UTF8));
    }

    private void write(JsonGenerator g) throws IOException {
        AgreementGenerator gen = mix == Mix.realistic ? AgreementGenerator.realistic(seed)
                : AgreementGenerator.exhaustive(seed);
        ObjectMapper mapper = new ObjectMapper();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // One agreement a line: compact, yet a register a person can open and read.
        g.setPrettyPrinter(new MinimalPrettyPrinter() {
            private static final long serialVersionUID = 1L;
            private int depth;

            @Override
            public void writeStartArray(JsonGenerator gen) throws IOException {
                depth++;
                super.writeStartArray(gen);
                if (depth == 1) {
                    gen.writeRaw('\n');
                }
            }

            @Override
            public void writeEndArray(JsonGenerator gen, int n) throws IOException {
                if (depth == 1 && n > 0) {
                    gen.writeRaw('\n');
                }
                depth--;
                super.writeEndArray(gen, n);
            }

            @Override
            public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
                gen.writeRaw(depth == 1 ? ",\n" : ",");
            }
        });
        g.writeStartObject();
        g.writeObjectFieldStart("practice");
        g.writeStringField("odsCode", "Z" + String.format("%05d", Math.floorMod(seed, 100000)));
        g.writeStringField("name", "Synthetic practice (seed " + seed + ")");
        g.writeStringField("icb", "NHS Synthetic ICB");
        g.writeEndObject();
        g.writeArrayFieldStart("agreements");
        for (long i = 0; i < count; i++) {
            Agreement a = gen.next();
            if (programmes && a.title() != null) {
                a = a.toBuilder().programme(a.title()).build();
            }
            mapper.writeTree(g, AgreementCodec.toJson(a));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }
}
