package org.dsarules.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.dsarules.DsaRules;
import org.dsarules.engine.RuleCatalogue;
import org.dsarules.engine.RuleCatalogue.Entry;
import org.dsarules.engine.RuleLint;
import org.dsarules.text.Sanitiser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsa-audit rules}: the rule catalogue. */
@Command(name = "rules",
        description = {"List every rule in use: name, file, policy row, red flag, citations, and the dates "
                + "between which it can fire.",
            "With --lint: list the rules that compile but can never fire as written, each at file:line:column."},
        footer = {"", "Exit status: 0 done (with --lint --strict: and no warning), 1 --lint --strict found warnings,",
            "2 the command could not run."})
final class RulesCommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--lint", description = "Instead of the catalogue, list every warning about rules that can"
            + " never fire as written (wrong-type values, policy names no rule creates, dates that disagree with"
            + " the conditions, a not over inserted facts with plain insert, proposals without words).")
    boolean lint;

    @Option(names = "--strict", description = "With --lint: exit with status 1 when there is any warning.")
    boolean strict;

    @Mixin
    RulesOptions rulesOptions;

    @Override
    public Integer call() throws Exception {
        if (strict && !lint) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--strict goes with --lint");
        }
        DsaRules rules = lint ? rulesOptions.buildQuietly() : rulesOptions.build();
        if (lint) {
            PrintWriter out = Sanitiser.terminal(spec.commandLine().getOut());
            List<RuleLint.Warning> warnings = rules.knowledgeBase().lintWarnings().isEmpty()
                    ? RuleLint.lint(rules.knowledgeBase().index()) : rules.knowledgeBase().lintWarnings();
            warnings.forEach(out::println);
            out.println(warnings.size() + " warning(s)");
            out.flush();
            return strict && !warnings.isEmpty() ? ExitStatus.RECORDS_IN_ERROR : ExitStatus.OK;
        }
        List<Entry> entries = RuleCatalogue.of(rules.knowledgeBase());
        // Rule files are trusted code, but their names and citations still reach a terminal: text and
        // Markdown go through the sanitiser (JSON escapes what it must itself).
        PrintWriter out = format == Format.json ? spec.commandLine().getOut()
                : Sanitiser.terminal(spec.commandLine().getOut());
        switch (format) {
            case json -> out.print(json(rules, entries));
            case markdown -> out.print(markdown(rules, entries));
            case text -> entries.forEach(e -> {
                out.println(e.name());
                out.println("    file:      " + e.file() + ":" + e.line());
                if (e.policyRow() != null) {
                    out.println("    row:       " + e.policyRow());
                }
                if (e.redFlag() != null) {
                    out.println("    red flag:  " + e.redFlag());
                }
                if (e.from() != null || e.until() != null) {
                    out.println("    in force:  " + dates(e));
                }
                out.println("    cites:     " + String.join("; ", e.citations()));
                e.metadata().forEach((k, v) -> {
                    if (!IN_TABLE.contains(k)) {
                        out.println("    " + k + ": " + v);
                    }
                });
            });
        }
        out.flush();
        return ExitStatus.OK;
    }

    static String dates(Entry e) {
        String policy = e.policy() == null ? "" : " (" + e.policy() + ")";
        if (e.from() != null) {
            return "from " + e.from() + policy;
        }
        if (e.until() != null) {
            return "until " + e.until() + policy;
        }
        return "";
    }

    static String json(DsaRules rules, List<Entry> entries) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("knowledgeBase", rules.knowledgeBaseInfo().name());
        root.put("version", rules.knowledgeBaseInfo().version());
        root.put("fingerprint", rules.knowledgeBaseInfo().fingerprint());
        ArrayNode arr = root.putArray("rules");
        for (Entry e : entries) {
            ObjectNode n = arr.addObject();
            n.put("name", e.name());
            n.put("file", e.file());
            n.put("line", e.line());
            n.put("policyRow", e.policyRow());
            n.put("redFlag", e.redFlag());
            ArrayNode c = n.putArray("citations");
            e.citations().forEach(c::add);
            n.put("from", e.from() == null ? null : e.from().toString());
            n.put("until", e.until() == null ? null : e.until().toString());
            n.put("policy", e.policy());
            ObjectNode meta = n.putObject("metadata");
            e.metadata().forEach(meta::put);
        }
        return m.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    }

    /** The metadata keys the catalogue's table shows in columns of their own; every other key is shown below it. */
    static final java.util.Set<String> IN_TABLE = java.util.Set.of("citation", "policyRow", "redFlag",
            RuleCatalogue.POLICY, "inForceFrom", "inForceUntil");

    /**
     * The catalogue as a Markdown page; {@code docs/rules.md} is this output, kept current by a test. The
     * table gives each rule's full file path; below it, each rule's words (every metadata value not in the
     * table, such as {@code patientReason} and {@code nextSteps}, whatever keys the rules declare).
     */
    static String markdown(DsaRules rules, List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Rule catalogue\n\n");
        sb.append(header(rules)).append(", in file order. Generated by\n")
                .append("`dsa-audit rules --format markdown`; a test fails when this page is stale.\n\n");
        sb.append("| rule | file | row | red flag | in force | citations |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Entry e : entries) {
            sb.append("| `").append(e.name()).append("` | ").append(cell(e.file() == null ? "" : e.file())).append(':')
                    .append(e.line()).append(" | ")
                    .append(e.policyRow() == null ? "" : e.policyRow()).append(" | ")
                    .append(e.redFlag() == null ? "" : cell(e.redFlag())).append(" | ")
                    .append(cell(dates(e))).append(" | ")
                    .append(cell(String.join("; ", e.citations()))).append(" |\n");
        }
        StringBuilder words = new StringBuilder();
        for (Entry e : entries) {
            List<java.util.Map.Entry<String, String>> own = e.metadata().entrySet().stream()
                    .filter(m -> !IN_TABLE.contains(m.getKey())).toList();
            if (own.isEmpty()) {
                continue;
            }
            words.append("\n### `").append(e.name()).append("`\n\n");
            for (java.util.Map.Entry<String, String> m : own) {
                List<String> parts = java.util.Arrays.stream(m.getValue().split("\\|")).map(String::strip)
                        .filter(x -> !x.isEmpty()).toList();
                if (m.getKey().equals("nextSteps") || parts.size() > 1 && m.getKey().endsWith("Steps")) {
                    words.append("- ").append(m.getKey()).append(":\n");
                    parts.forEach(x -> words.append("  - ").append(text(x)).append('\n'));
                } else {
                    words.append("- ").append(m.getKey()).append(": ").append(text(m.getValue())).append('\n');
                }
            }
        }
        if (words.length() > 0) {
            sb.append("\n## Each rule's words\n\n")
                    .append("What each rule says when it decides or raises a flag (its metadata beyond the table above):\n")
                    .append(words);
        }
        return sb.toString();
    }

    /**
     * Which rules the page lists: the default knowledge base, the default one with the overlay files named,
     * or the rule files used instead of it (rules-only).
     */
    private static String header(DsaRules rules) {
        String name = rules.knowledgeBaseInfo().name();
        String version = rules.knowledgeBaseInfo().version();
        java.util.Set<String> defaults = new java.util.TreeSet<>();
        if (!name.equals("local")) {
            org.dsarules.engine.KnowledgeBase.defaultSources(DsaRules.class.getClassLoader())
                    .forEach(s -> defaults.add(s.name()));
        }
        List<String> overlays = rules.knowledgeBase().sources().stream().map(s -> s.name())
                .filter(n -> !defaults.contains(n)).toList();
        if (name.equals("local")) {
            return "Every rule of the rule files used instead of the default knowledge base (`" + name + " " + version
                    + "`: " + String.join(", ", overlays.stream().map(o -> "`" + o + "`").toList()) + ")";
        }
        if (!overlays.isEmpty()) {
            return "Every rule of the overlay (`" + name + " " + version + "`): the default knowledge base and the rule"
                    + " files " + String.join(", ", overlays.stream().map(o -> "`" + o + "`").toList());
        }
        return "Every rule of the default knowledge base (`" + name + " " + version + "`)";
    }

    /** A table cell: a '|' would end it, a line break would end the row. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /** Text in a list item: one line. */
    private static String text(String s) {
        return s.replace("\r", " ").replace("\n", " ").strip();
    }
}
