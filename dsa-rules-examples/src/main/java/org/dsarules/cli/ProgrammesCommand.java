package org.dsarules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.catalogue.Catalogue;
import org.dsarules.catalogue.CatalogueEntry;
import org.dsarules.catalogue.CatalogueFact;
import org.dsarules.model.Party;
import org.dsarules.text.Sanitiser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit programmes}: the catalogue of known programmes, with every fact's sources. */
@Command(name = "programmes",
        description = {"List the catalogue of known programmes that fills what a register leaves not known: each"
                + " programme's names, its facts, the sources that state each fact and the day they were checked.",
            "The catalogue is information to check, not legal advice: look at the source before acting on a fact."},
        footer = {"", "Exit status: 0 done, 2 the command could not run (a bad --catalogue file)."})
final class ProgrammesCommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    CatalogueOptions catalogueOptions;

    @Override
    public Integer call() throws Exception {
        Catalogue asked = catalogueOptions.catalogue(Sanitiser.terminal(spec.commandLine().getErr()));
        Catalogue catalogue = asked != null ? asked : shipped();
        // A local catalogue's text reaches the terminal: text and Markdown go through the sanitiser (JSON
        // escapes what it must itself).
        PrintWriter out = format == Format.json ? spec.commandLine().getOut()
                : Sanitiser.terminal(spec.commandLine().getOut());
        switch (format) {
            case json -> out.print(json(catalogue));
            case markdown -> out.print(markdown(catalogue));
            case text -> text(catalogue, out);
        }
        out.flush();
        return DsaAudit.OK;
    }

    private static Catalogue shipped() {
        ClassLoader loader = DsaRules.class.getClassLoader();
        return loader.getResource(Catalogue.SHIPPED_INDEX) == null ? Catalogue.empty() : Catalogue.shipped(loader);
    }

    private static void text(Catalogue c, PrintWriter out) {
        for (CatalogueEntry e : c.entries()) {
            out.println(e.name() + "  [" + e.id() + ", checked " + e.checked()
                    + (c.overridden().contains(e.id()) ? ", a local entry replacing the shipped one" : "") + "]");
            if (e.names().size() > 1) {
                out.println("    also known as: " + String.join("; ", e.names().subList(1, e.names().size())));
            }
            for (CatalogueFact f : e.facts()) {
                out.println("    " + f.field() + ": " + f.valueText()
                        + (f.checked().equals(e.checked()) ? "" : " (checked " + f.checked() + ")"));
                f.sources().forEach(s -> out.println("        source: " + s));
            }
            out.println("    note: " + e.note());
            out.println();
        }
        out.println(c.entries().size() + " programme(s). The catalogue is information to check, not legal advice:"
                + " look at the source before acting on a fact.");
    }

    private static String markdown(Catalogue c) {
        StringBuilder md = new StringBuilder("# The catalogue of known programmes\n\n");
        md.append("Information to check, not legal advice: look at the source before acting on a fact.\n");
        for (CatalogueEntry e : c.entries()) {
            md.append("\n## ").append(Sanitiser.markdown(e.name())).append(" (`").append(e.id()).append("`)\n\n");
            md.append("Checked ").append(e.checked());
            if (c.overridden().contains(e.id())) {
                md.append("; a local entry replacing the shipped one");
            }
            md.append(". Names: ").append(Sanitiser.markdown(String.join("; ", e.names()))).append(".\n\n");
            md.append("| fact | value | sources | checked |\n|---|---|---|---|\n");
            for (CatalogueFact f : e.facts()) {
                md.append("| `").append(f.field()).append("` | ").append(cell(f.valueText())).append(" | ")
                        .append(cell(String.join(" ", f.sources())))
                        .append(" | ").append(f.checked()).append(" |\n");
            }
            md.append("\n").append(Sanitiser.markdown(e.note())).append("\n");
        }
        return md.toString();
    }

    private static String cell(String s) {
        return Sanitiser.markdown(s).replace("|", "\\|").replace("\n", " ");
    }

    static String json(Catalogue c) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        ArrayNode entries = root.putArray("programmes");
        for (CatalogueEntry e : c.entries()) {
            ObjectNode n = entries.addObject();
            n.put("id", e.id());
            ArrayNode names = n.putArray("names");
            e.names().forEach(names::add);
            n.put("checked", e.checked().toString());
            n.put("note", e.note());
            ArrayNode facts = n.putArray("facts");
            for (CatalogueFact f : e.facts()) {
                ObjectNode fact = facts.addObject();
                fact.put("field", f.field());
                fact.set("value", value(f.value()));
                ArrayNode sources = fact.putArray("sources");
                f.sources().forEach(sources::add);
                fact.put("checked", f.checked().toString());
            }
        }
        ArrayNode overridden = root.putArray("overridden");
        c.overridden().forEach(overridden::add);
        return m.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    }

    /** A fact's value as a register's JSON writes it (record-format.md: the same names and enum values). */
    private static JsonNode value(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof List<?> l) {
            ArrayNode a = f.arrayNode();
            l.forEach(x -> a.add(value(x)));
            return a;
        }
        if (v instanceof Party p) {
            ObjectNode o = f.objectNode();
            o.put("name", p.name());
            if (p.kind() != null) {
                o.put("kind", p.kind().name());
            }
            if (p.role() != null) {
                o.put("role", p.role().name());
            }
            if (p.instructedBy() != null) {
                o.put("instructedBy", p.instructedBy());
            }
            if (p.directCareProvider() != null) {
                o.put("directCareProvider", p.directCareProvider());
            }
            return o;
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof Enum<?> e) {
            return f.textNode(e.name());
        }
        if (v instanceof LocalDate d) {
            return f.textNode(d.toString());
        }
        return f.textNode(String.valueOf(v));
    }
}
