package org.dsarules.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dsarules.decision.Outcome;
import org.dsarules.engine.DrlScanner.Kind;
import org.dsarules.engine.DrlScanner.Scan;
import org.dsarules.engine.DrlScanner.Token;

/**
 * The one reader of rule files. Every rule of every source, found by {@link DrlScanner} (so a
 * {@code rule} inside a comment or a string is not a rule), with its file, the true line and column of
 * its {@code rule} keyword, its package, the metadata it declares (each value with its own line), its
 * conditions and its consequence. The catalogue, the fingerprint, the tie-break ranks and the
 * positions of errors all come from here, and nothing else reads DRL text.
 *
 * <p>The index reads what a rule declares; it does not compile anything. A file the index can read
 * may still fail to compile, and the compiler's errors are then placed with the index's positions.
 */
public final class RuleIndex {

    /** One metadata value as declared: {@code @key("value")} at its line and column (of the {@code @}). */
    public record Metadata(String key, String value, boolean quoted, int line, int column) {
    }

    /**
     * One rule.
     *
     * @param name        the rule's name
     * @param source      the file it is written in
     * @param line        the 1-based line of its {@code rule} keyword
     * @param column      the 1-based column of its {@code rule} keyword
     * @param packageName the package of its file, or "" when the file declares none
     * @param metadata    the metadata it declares, in the order written
     * @param conditions  its conditions (between {@code when} and {@code then}), comments removed, on one line
     * @param consequence its consequence (between {@code then} and {@code end}), comments removed
     * @param whenLine    the line of its {@code when} keyword (0 when it has none)
     * @param thenLine    the line of its {@code then} keyword (0 when it has none)
     * @param rank        its position in the rule files, sorted by file key then position in the file
     * @param proposes    the outcome its consequence proposes ({@code Proposal.of(Outcome.X, ...)} or
     *                    {@code Proposal.ask(...)}), or null when it proposes none
     */
    public record IndexedRule(String name, RuleSource source, int line, int column, String packageName,
            List<Metadata> metadata, String conditions, String consequence, int whenLine, int thenLine, int rank,
            Outcome proposes) {
        public IndexedRule {
            metadata = List.copyOf(metadata);
        }

        /** The file it is written in, as the author gave it. */
        public String file() {
            return source.name();
        }

        /** Its first declaration of {@code key}, if any. */
        public Optional<Metadata> meta(String key) {
            return metadata.stream().filter(m -> m.key().equals(key)).findFirst();
        }

        /** Where the rule is written: {@code file:line:column}. */
        public String at() {
            return file() + ":" + line + ":" + column;
        }
    }

    /** A problem the index sees without compiling: a rule name used twice, a comment or string that never ends. */
    public record Problem(RuleSource source, int line, int column, String message) {
    }

    private final List<RuleSource> sources;
    private final List<IndexedRule> rules;
    private final Map<String, IndexedRule> byName;
    private final List<Problem> problems;

    private RuleIndex(List<RuleSource> sources, List<IndexedRule> rules, Map<String, IndexedRule> byName,
            List<Problem> problems) {
        this.sources = sources;
        this.rules = rules;
        this.byName = byName;
        this.problems = problems;
    }

    /**
     * Indexes {@code sources}. Ranks follow the sources sorted by key, so they are the same on every
     * machine; where a name is declared twice the first declaration in the order given is indexed and
     * each later one is a problem at its own file and line (for an overlay: the author's file).
     */
    public static RuleIndex of(List<RuleSource> sources) {
        List<RuleSource> given = List.copyOf(sources);
        Map<RuleSource, List<Found>> found = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (RuleSource s : given) {
            Scan scan = DrlScanner.scan(s.text());
            if (scan.unterminated() != null) {
                problems.add(new Problem(s, scan.unterminated()[0], scan.unterminated()[1],
                        "a comment or string starts here and never ends"));
            }
            found.put(s, read(scan));
        }
        List<RuleSource> byKey = new ArrayList<>(given);
        byKey.sort(Comparator.comparing(RuleSource::key));
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (RuleSource s : byKey) {
            for (Found f : found.get(s)) {
                ranks.putIfAbsent(f.name, ranks.size());
            }
        }
        Map<String, IndexedRule> byName = new LinkedHashMap<>();
        for (RuleSource s : given) {
            for (Found f : found.get(s)) {
                IndexedRule earlier = byName.get(f.name);
                if (earlier != null) {
                    problems.add(new Problem(s, f.line, f.column, "rule " + Messages.quoted(f.name)
                            + " is already defined at " + earlier.at() + " (in package " + earlier.packageName()
                            + "): every rule name must be unique across all rule files and packages"));
                    continue;
                }
                byName.put(f.name, new IndexedRule(f.name, s, f.line, f.column, f.packageName, f.metadata,
                        f.conditions, f.consequence, f.whenLine, f.thenLine, ranks.get(f.name), f.proposes));
            }
        }
        List<IndexedRule> rules = new ArrayList<>(byName.values());
        rules.sort(Comparator.comparingInt(IndexedRule::rank));
        return new RuleIndex(given, List.copyOf(rules), Collections.unmodifiableMap(byName), List.copyOf(problems));
    }

    /** The sources, in the order given. */
    public List<RuleSource> sources() {
        return sources;
    }

    /** Every rule, in rank order (file key, then position in the file). */
    public List<IndexedRule> rules() {
        return rules;
    }

    public Optional<IndexedRule> rule(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every rule name, in rank order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The rank of {@code name}; a rule the index does not know sorts after every rule it does. */
    public int rank(String name) {
        IndexedRule r = byName.get(name);
        return r == null ? Integer.MAX_VALUE : r.rank();
    }

    /** SHA-256 over the rule sources (sorted by key; each as key, length and text) and the disabled rule names. */
    public String fingerprint(Set<String> disabled) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<RuleSource> sorted = new ArrayList<>(sources);
            sorted.sort(Comparator.comparing(RuleSource::key));
            for (RuleSource s : sorted) {
                byte[] text = s.text().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
                md.update((s.key().replace('\\', '/') + "\n" + text.length + "\n").getBytes(StandardCharsets.UTF_8));
                md.update(text);
            }
            for (String d : new TreeSet<>(disabled)) {
                md.update(("disabled " + d + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The rule whose text holds {@code line} of {@code source}, if any: a compiler error there belongs to it. */
    public Optional<IndexedRule> ruleAt(RuleSource source, int line) {
        IndexedRule best = null;
        for (IndexedRule r : rules) {
            if (r.source() == source && r.line() <= line && (best == null || r.line() > best.line())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    // ---- reading one file ----

    private record Found(String name, int line, int column, String packageName, List<Metadata> metadata,
            String conditions, String consequence, int whenLine, int thenLine, Outcome proposes) {
    }

    private static List<Found> read(Scan scan) {
        List<Token> t = scan.tokens();
        List<Found> out = new ArrayList<>();
        String pkg = "";
        int i = 0;
        while (i < t.size()) {
            Token k = t.get(i);
            if (k.is("package") && k.kind() == Kind.WORD) {
                int j = i + 1;
                StringBuilder name = new StringBuilder();
                while (j < t.size() && (t.get(j).kind() == Kind.WORD || t.get(j).is(".")) && !t.get(j).is(";")
                        && t.get(j).line() == k.line()) {
                    name.append(t.get(j).text());
                    j++;
                }
                pkg = name.toString();
                i = j;
            } else if (k.is("rule") && i + 1 < t.size()) {
                i = rule(scan, i, pkg, out);
            } else if (k.is("query") || k.is("declare")) {
                i = skipToEnd(t, i + 1);
            } else if (k.is("function")) {
                i = skipBlock(t, i + 1);
            } else {
                i++;
            }
        }
        return out;
    }

    /** Reads the rule whose {@code rule} keyword is token {@code at}; returns the index of the token after it. */
    private static int rule(Scan scan, int at, String pkg, List<Found> out) {
        List<Token> t = scan.tokens();
        Token keyword = t.get(at);
        Token nameToken = t.get(at + 1);
        if (nameToken.kind() == Kind.PUNCT) {
            return at + 1;
        }
        String name = nameToken.text();
        List<Metadata> metadata = new ArrayList<>();
        int i = at + 2;
        while (i < t.size() && !t.get(i).is("when") && !t.get(i).is("then") && !t.get(i).is("end")) {
            if (t.get(i).is("@") && i + 1 < t.size() && t.get(i + 1).kind() == Kind.WORD) {
                Token at0 = t.get(i);
                String key = t.get(i + 1).text();
                i += 2;
                String value = null;
                boolean quoted = false;
                if (i < t.size() && t.get(i).is("(")) {
                    int close = closing(t, i);
                    if (close == i + 2 && t.get(i + 1).kind() == Kind.STRING) {
                        value = t.get(i + 1).text();
                        quoted = true;
                    } else {
                        int endOffset = close < t.size() ? t.get(close).offset() : scan.code().length();
                        value = scan.code().substring(t.get(i).end(), endOffset).strip();
                    }
                    i = Math.min(close + 1, t.size());
                }
                metadata.add(new Metadata(key, value, quoted, at0.line(), at0.column()));
            } else {
                i++;
            }
        }
        int whenEnd = -1;
        int whenLine = 0;
        if (i < t.size() && t.get(i).is("when")) {
            whenEnd = t.get(i).end();
            whenLine = t.get(i).line();
            i = skipTo(t, i + 1, "then");
        }
        int thenLine = 0;
        int thenEnd = -1;
        int thenIndex = -1;
        String conditions = "";
        if (i < t.size() && t.get(i).is("then")) {
            thenIndex = i;
            thenLine = t.get(i).line();
            thenEnd = t.get(i).end();
            if (whenEnd >= 0) {
                conditions = oneLine(scan.code().substring(whenEnd, t.get(i).offset()));
            }
            i = skipTo(t, i + 1, "end");
        }
        int endOffset = i < t.size() ? t.get(i).offset() : scan.code().length();
        String consequence = thenEnd < 0 ? "" : scan.code().substring(thenEnd, endOffset).strip();
        Outcome proposes = thenIndex < 0 ? null : proposes(t, thenIndex + 1, i);
        out.add(new Found(name, keyword.line(), keyword.column(), pkg, metadata, conditions, consequence, whenLine,
                thenLine, proposes));
        return Math.min(i + 1, t.size());
    }

    /**
     * What a consequence proposes: {@code Proposal.of(Outcome.X} or {@code Proposal.ask(}, read from the
     * tokens of the consequence, so a comment or a string that mentions a proposal is not one.
     */
    private static Outcome proposes(List<Token> t, int from, int to) {
        for (int i = from; i + 3 < Math.min(to, t.size()); i++) {
            Token a = t.get(i);
            if (!a.is("Proposal") || !t.get(i + 1).is(".")) {
                continue;
            }
            if (t.get(i + 2).is("ask")) {
                return Outcome.ASK_ICB_FOR_INFORMATION;
            }
            if (t.get(i + 2).is("of") && i + 6 < t.size() && t.get(i + 4).is("Outcome") && t.get(i + 5).is(".")) {
                try {
                    return Outcome.valueOf(t.get(i + 6).text());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String oneLine(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
    }

    /** The index of the token that closes the bracket at {@code open}, or the size of the list. */
    private static int closing(List<Token> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).is("(")) {
                depth++;
            } else if (t.get(i).is(")") && --depth == 0) {
                return i;
            }
        }
        return t.size();
    }

    /** The index of the next {@code word} outside brackets and braces, or the size of the list. */
    private static int skipTo(List<Token> t, int from, String word) {
        int depth = 0;
        for (int i = from; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.is("(") || k.is("{") || k.is("[")) {
                depth++;
            } else if (k.is(")") || k.is("}") || k.is("]")) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && k.is(word) && k.kind() == Kind.WORD) {
                return i;
            }
        }
        return t.size();
    }

    private static int skipToEnd(List<Token> t, int from) {
        return Math.min(skipTo(t, from, "end") + 1, t.size());
    }

    private static int skipBlock(List<Token> t, int from) {
        int depth = 0;
        for (int i = from; i < t.size(); i++) {
            if (t.get(i).is("{")) {
                depth++;
            } else if (t.get(i).is("}") && --depth == 0) {
                return i + 1;
            }
        }
        return t.size();
    }
}
