package org.dsarules.round.documents;

import com.fasterxml.jackson.core.JsonGenerator;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.Summary;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.SystemAudit;
import org.dsarules.text.Sanitiser;

/**
 * The system report for an LMC: per programme, which practices hold it and their outcomes and, where
 * the outcomes differ, the facts that make them differ; per practice, the counts; the programmes held
 * by one practice only. As plain text, one self-contained HTML page (no scripts, no network; register
 * text escaped), or JSON. Deterministic: no clock is read.
 */
public final class SystemReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The precompiled HTML templates (src/main/jte/html), generated into the documents' package. */
    private static final TemplateEngine HTML = TemplateEngine.createPrecompiled(null, ContentType.Html,
            SystemReport.class.getClassLoader(), "org.dsarules.documents");
    private SystemReport() {
    }

    // ---- text ----

    public static String text(SystemAudit s) {
        StringBuilder b = new StringBuilder(8192);
        b.append("DATA SHARING AGREEMENTS ACROSS THE SYSTEM\n");
        b.append("Practices:      ").append(s.registers().size()).append('\n');
        b.append("Decided as of:  ").append(asOf(s)).append('\n');
        b.append("Rules:          ").append(rules(s)).append("\n\n");
        b.append("PER PRACTICE\n");
        b.append(String.format("  %-34s %8s %8s %8s %8s %8s%n", "practice", "WITHDRAW", "REFER", "ASK_ICB", "KEEP", "ERROR"));
        for (AuditedRegister r : s.registers()) {
            Summary sum = r.result().summary();
            b.append(String.format("  %-34s %8d %8d %8d %8d %8d%n", line(practice(r)), sum.count(Outcome.WITHDRAW),
                    sum.count(Outcome.REFER_TO_BMA), sum.count(Outcome.ASK_ICB_FOR_INFORMATION), sum.count(Outcome.KEEP),
                    sum.errors()));
        }
        b.append("\nPROGRAMMES HELD BY SEVERAL PRACTICES (").append(s.shared().size()).append(")\n");
        for (SystemAudit.Programme p : s.shared()) {
            b.append("\n  ").append(line(p.label())).append(": ").append(p.practices().size()).append(" practices, ")
                    .append(p.outcomesDiffer() ? "outcomes differ" : "same outcome").append('\n');
            for (SystemAudit.Holding h : p.holdings()) {
                b.append("    ").append(line(h.practice())).append("  ").append(line(h.agreement().id())).append("  ")
                        .append(h.outcome()).append(" (").append(h.decision().decisiveRule()).append(")\n");
            }
            if (!p.differences().isEmpty()) {
                b.append("    facts that differ:\n");
                for (SystemAudit.Difference d : p.differences()) {
                    List<String> parts = new ArrayList<>();
                    for (int i = 0; i < p.holdings().size(); i++) {
                        parts.add(line(p.holdings().get(i).practice()) + " " + value(d.values().get(i)));
                    }
                    b.append("      ").append(d.field()).append(": ").append(String.join(", ", parts)).append('\n');
                }
            }
        }
        b.append("\nPROGRAMMES HELD BY ONE PRACTICE ONLY (").append(s.singlePractice().size()).append(")\n");
        for (SystemAudit.Programme p : s.singlePractice()) {
            for (SystemAudit.Holding h : p.holdings()) {
                b.append("  ").append(line(p.label())).append("  ").append(line(h.practice())).append(' ')
                        .append(line(h.agreement().id())).append("  ").append(h.outcome()).append('\n');
            }
        }
        // Every record of every register is in the system's documents, decided or in error (issue 26).
        b.append("\nRECORDS IN ERROR, NOT DECIDED (").append(s.inError().size()).append(")\n");
        for (SystemAudit.InError e : s.inError()) {
            b.append("  ").append(line(e.practice())).append("  ").append(reference(e)).append(" (entry ").append(e.entry())
                    .append(" of ").append(line(e.register())).append(")  ").append(e.error().code())
                    .append(e.error().field() != null ? " " + line(e.error().field()) : "").append(": ")
                    .append(line(e.error().message())).append('\n');
        }
        return b.toString();
    }

    // ---- HTML ----

    /**
     * The report as one self-contained HTML page (no scripts, no network), rendered by the precompiled jte template
     * {@code html/system/report.jte}, whose HTML escaping (by context) shows every register text as text.
     */
    public static String html(SystemAudit s) {
        StringOutput out = new StringOutput(16 * 1024);
        try {
            HTML.render("system/report.jte", new SystemReportView(s), out);
        } catch (TemplateException e) {
            throw new IllegalStateException("system report template failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    // ---- JSON ----

    public static String json(SystemAudit s) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode kb = root.putObject("knowledgeBase");
        if (!s.registers().isEmpty()) {
            var info = s.registers().get(0).result().knowledgeBase();
            kb.put("name", info.name()).put("version", info.version()).put("fingerprint", info.fingerprint());
            kb.put("asOf", asOf(s));
        }
        ArrayNode practices = root.putArray("practices");
        for (AuditedRegister r : s.registers()) {
            ObjectNode p = practices.addObject();
            p.put("odsCode", r.odsCode());
            p.put("name", r.practice() == null ? null : r.practice().name());
            p.put("register", r.name());
            ObjectNode counts = p.putObject("summary");
            for (Outcome o : Outcome.values()) {
                counts.put(o.name(), r.result().summary().count(o));
            }
            counts.put("ERROR", r.result().summary().errors());
        }
        ArrayNode programmes = root.putArray("programmes");
        for (SystemAudit.Programme p : s.programmes()) {
            ObjectNode o = programmes.addObject();
            o.put("key", p.key());
            o.put("label", p.label());
            o.put("practices", p.practices().size());
            o.put("outcomesDiffer", p.outcomesDiffer());
            ArrayNode hs = o.putArray("holdings");
            for (SystemAudit.Holding h : p.holdings()) {
                hs.addObject().put("practice", h.practice()).put("dsaId", h.agreement().id())
                        .put("outcome", h.outcome().name()).put("decisiveRule", h.decision().decisiveRule());
            }
            ArrayNode ds = o.putArray("differences");
            for (SystemAudit.Difference d : p.differences()) {
                ObjectNode x = ds.addObject();
                x.put("field", d.field());
                ObjectNode values = x.putObject("values");
                for (int i = 0; i < p.holdings().size(); i++) {
                    values.put(p.holdings().get(i).practice() + " " + p.holdings().get(i).agreement().id(), d.values().get(i));
                }
            }
        }
        ArrayNode errors = root.putArray("errors");
        for (SystemAudit.InError e : s.inError()) {
            errors.addObject().put("practice", e.practice()).put("register", e.register()).put("index", e.error().index())
                    .put("dsaId", e.dsaId()).put("field", e.error().field()).put("code", e.error().code().name())
                    .put("message", e.error().message());
        }
        Map<String, Integer> totals = new TreeMap<>();
        for (AuditedRegister r : s.registers()) {
            for (Outcome o : Outcome.values()) {
                totals.merge(o.name(), r.result().summary().count(o), Integer::sum);
            }
            totals.merge("ERROR", r.result().summary().errors(), Integer::sum);
        }
        ObjectNode summary = root.putObject("summary");
        for (Outcome o : Outcome.values()) {
            summary.put(o.name(), totals.get(o.name()));
        }
        summary.put("ERROR", totals.get("ERROR"));
        summary.put("programmes", s.programmes().size());
        summary.put("sharedProgrammes", s.shared().size());
        try {
            StringWriter w = new StringWriter();
            JsonGenerator g = JSON.getFactory().createGenerator(w);
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
            JSON.writeTree(g, root);
            g.flush();
            return w + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers ----

    private static String asOf(SystemAudit s) {
        return s.registers().isEmpty() ? "" : s.registers().get(0).result().asOf().toString();
    }

    private static String rules(SystemAudit s) {
        if (s.registers().isEmpty()) {
            return "";
        }
        var kb = s.registers().get(0).result().knowledgeBase();
        return kb.name() + " " + kb.version() + " (" + kb.fingerprint() + ")";
    }

    private static String ods(AuditedRegister r) {
        return r.odsCode() != null ? r.odsCode() : r.name();
    }

    private static String name(AuditedRegister r) {
        return r.practice() != null && r.practice().name() != null ? r.practice().name() : ods(r);
    }

    private static String practice(AuditedRegister r) {
        return name(r) + " (" + ods(r) + ")";
    }

    /** A record in error as its practice knows it: its id where one could be read. */
    private static String reference(SystemAudit.InError e) {
        return e.dsaId() != null ? line(e.dsaId()) : "(no id)";
    }

    private static String value(String v) {
        return v == null ? "(not known)" : v;
    }

    /** Register text on one line: control characters (C1 included) cannot add lines or drive a terminal. */
    static String line(String s) {
        return Sanitiser.line(s);
    }
}
