package org.dsarules.engine;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dsarules.engine.DrlScanner.Kind;
import org.dsarules.engine.DrlScanner.Token;
import org.dsarules.engine.RuleIndex.IndexedRule;
import org.dsarules.engine.RuleIndex.Metadata;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Finds rules that compile but can never fire as their author meant, as {@code opa check --strict} or
 * Regal do for Rego: the rules are read with Drools' own parser ({@link DrlParser}, whose
 * {@link PackageDescr} gives each rule's patterns, {@code not}s and constraints with their lines), the
 * values other rules insert are read from their consequences, and the metadata from the
 * {@link RuleIndex}. A warning never stops a build: {@link KnowledgeBase} keeps the warnings of every
 * rule set it compiles at run time, {@code dsa-audit} prints them, and {@code dsa-audit rules --lint
 * --strict} fails on them.
 *
 * <p>What is checked (each a {@link Warning#check()} id):
 * <ul>
 * <li>{@code wrong-type-value}: a field compared with an enum constant of another type (a {@code String}
 * field such as {@code Party.instructedBy} compared with {@code PartyKind.COMMERCIAL} compiles and is
 * never equal);</li>
 * <li>{@code value-never-inserted}: a field of a fact that only rules insert ({@code RaisedFlag.id},
 * {@code Unknown.field}, {@code Note.topic}, a red flag's {@code basis}) compared with a value no rule
 * inserts it with;</li>
 * <li>{@code unknown-policy}: a {@code @policy("X")} or {@code Campaign(policy == "X")} that no rule
 * creates;</li>
 * <li>{@code dates-disagree}: {@code @inForceFrom}/{@code @inForceUntil}/{@code @policy} that say
 * something else than the rule's conditions (the campaign it requires, its {@code AsOf} tests);</li>
 * <li>{@code not-with-insert}: a {@code not} over a fact type that rules insert, in a rule whose
 * consequence uses plain {@code insert}: rules fire in no guaranteed order, so the {@code not} may be
 * tested before the fact is inserted and the rule's insertion then stays;</li>
 * <li>{@code proposal-without-words}: a rule that proposes an outcome without {@code @patientReason}
 * or {@code @nextSteps}.</li>
 * </ul>
 * Only what the rule text states is checked: a value built at run time ({@code new RaisedFlag($id, ...)})
 * makes its field's values open, and nothing is then said about them.
 */
public final class RuleLint {

    /**
     * One warning, at the DRL file, line and column of its cause.
     *
     * @param check the kind of warning (see the class comment), stable for tools
     */
    public record Warning(String file, int line, int column, String rule, String check, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": warning: " + message + " [" + check + "]";
        }
    }

    /** The String fields, by fact type, whose values only rules give (the first argument of each {@code new T(...)}). */
    private static final Map<String, String> RULE_VALUED = Map.of("RaisedFlag", "id", "Campaign", "policy",
            "Unknown", "field", "Note", "topic");

    private RuleLint() {
    }

    /**
     * The warnings of every rule of {@code index}, sorted by file and line.
     *
     * @throws org.dsarules.exception.DsaRulesException when Drools' rule parser is not on the class path
     */
    public static List<Warning> lint(RuleIndex index) {
        RuleCompilerSupport.require();
        Map<String, RuleDescr> parsed = new HashMap<>();
        for (RuleSource s : index.sources()) {
            DrlParser parser = new DrlParser();
            try {
                PackageDescr pkg = parser.parse(false, s.text());
                if (pkg != null && !parser.hasErrors()) {
                    pkg.getRules().forEach(r -> parsed.putIfAbsent(s.key() + "\u0000" + r.getName(), r));
                }
            } catch (DroolsParserException | RuntimeException e) {
                // A file that does not parse is the compiler's to report; the lint has nothing to add.
            }
        }
        Facts facts = Facts.of(index, parsed);
        List<Warning> out = new ArrayList<>();
        for (IndexedRule r : index.rules()) {
            RuleDescr d = parsed.get(r.source().key() + "\u0000" + r.name());
            new OneRule(r, d, facts, out).check();
        }
        out.sort(Comparator.comparing(Warning::file).thenComparingInt(Warning::line).thenComparingInt(Warning::column)
                .thenComparing(Warning::check));
        return List.copyOf(out);
    }

    // ---- what the rules insert ----

    /** A constraint {@code field op value} read from a pattern, at its position in the file. */
    private record Comparison(String field, boolean equal, String literal, String enumType, String constant,
            int line, int column) {
    }

    /** One pattern of a rule's conditions, with its comparisons and bare boolean tests. */
    private record Pat(String type, boolean fromSource, boolean negated, List<Comparison> comparisons,
            List<String> tests, int line, int column) {
    }

    /**
     * What the consequences of all rules insert: the values of each rule-valued field (absent when a value is
     * built at run time), the basis of each red flag id, and each policy's first and last day as the rules
     * that create its {@code Campaign} state them.
     */
    private record Facts(Map<String, Set<String>> values, Set<String> open, Map<String, Set<String>> flagBases,
            Set<String> insertedTypes, Map<String, LocalDate> policyFrom, Map<String, Set<String>> insertedBy,
            Map<IndexedRule, List<Pat>> patterns) {

        static Facts of(RuleIndex index, Map<String, RuleDescr> parsed) {
            Map<String, Set<String>> values = new HashMap<>();
            Set<String> open = new HashSet<>();
            Map<String, Set<String>> bases = new HashMap<>();
            Set<String> inserted = new HashSet<>();
            Map<String, Set<String>> insertedBy = new HashMap<>();
            Map<IndexedRule, List<Pat>> patterns = new LinkedHashMap<>();
            Map<String, LocalDate> policyFrom = new HashMap<>();
            for (IndexedRule r : index.rules()) {
                RuleDescr d = parsed.get(r.source().key() + "\u0000" + r.name());
                List<Pat> pats = d == null ? List.of() : patternsOf(d);
                patterns.put(r, pats);
                List<Token> t = DrlScanner.scan(r.consequence()).tokens();
                for (int i = 0; i + 1 < t.size(); i++) {
                    String type = null;
                    int args = -1;
                    if (t.get(i).is("new") && t.get(i + 1).kind() == Kind.WORD && i + 2 < t.size() && t.get(i + 2).is("(")) {
                        type = t.get(i + 1).text();
                        args = i + 3;
                    } else if (t.get(i).kind() == Kind.WORD && t.get(i + 1).is(".") && i + 3 < t.size()
                            && t.get(i + 3).is("(") && FactTypes.all().containsKey(t.get(i).text())
                            && Character.isUpperCase(t.get(i).text().charAt(0)) && (t.get(i + 2).is("of") || t.get(i + 2).is("ask"))) {
                        type = t.get(i).text();
                    }
                    if (type == null || !FactTypes.all().containsKey(type)) {
                        continue;
                    }
                    inserted.add(type);
                    insertedBy.computeIfAbsent(type, k -> new HashSet<>()).add(r.name());
                    if (args < 0 || !RULE_VALUED.containsKey(type)) {
                        continue;
                    }
                    List<List<Token>> a = arguments(t, args);
                    if (a.isEmpty()) {
                        continue;
                    }
                    List<Token> first = a.get(0);
                    if (first.size() == 1 && first.get(0).kind() == Kind.STRING) {
                        String v = first.get(0).text();
                        values.computeIfAbsent(type, k -> new TreeSet<>()).add(v);
                        if (type.equals("RaisedFlag") && a.size() > 1) {
                            List<Token> b = a.get(1);
                            String basis = b.size() == 3 && b.get(0).is("Basis") && b.get(1).is(".") ? b.get(2).text()
                                    : null;
                            if (basis == null) {
                                open.add("RaisedFlag.basis:" + v);
                            } else {
                                bases.computeIfAbsent(v, k -> new TreeSet<>()).add(basis);
                            }
                        }
                        if (type.equals("Campaign") && a.size() > 2 && a.get(2).size() == 1 && a.get(2).get(0).is("true")) {
                            LocalDate from = dates(r, pats, Map.of())[0];
                            if (from == null) {
                                from = r.meta(RuleCompiler.IN_FORCE_FROM).map(m -> RuleCompiler.date(m.value())).orElse(null);
                            }
                            if (from != null) {
                                policyFrom.merge(v, from, (x, y) -> x.isBefore(y) ? x : y);
                            }
                        }
                    } else {
                        open.add(type);
                    }
                }
            }
            return new Facts(values, open, bases, inserted, policyFrom, insertedBy, patterns);
        }

        /** The tokens of each argument of the call whose first argument starts at token {@code from}. */
        private static List<List<Token>> arguments(List<Token> t, int from) {
            List<List<Token>> out = new ArrayList<>();
            List<Token> current = new ArrayList<>();
            int depth = 0;
            for (int i = from; i < t.size(); i++) {
                Token k = t.get(i);
                if (depth == 0 && (k.is(",") || k.is(")"))) {
                    out.add(current);
                    current = new ArrayList<>();
                    if (k.is(")")) {
                        return out;
                    }
                    continue;
                }
                if (k.is("(")) {
                    depth++;
                } else if (k.is(")")) {
                    depth--;
                }
                current.add(k);
            }
            return out;
        }
    }

    /** Every pattern of a rule's conditions, outermost first, each marked when under a {@code not}. */
    private static List<Pat> patternsOf(RuleDescr rule) {
        List<Pat> out = new ArrayList<>();
        collect(rule.getLhs(), null, out);
        return out;
    }

    /** @param not the {@code not} the pattern is under (where a warning about it points), or null */
    private static void collect(BaseDescr d, BaseDescr not, List<Pat> out) {
        if (d instanceof PatternDescr p) {
            List<Comparison> comparisons = new ArrayList<>();
            List<String> tests = new ArrayList<>();
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    read(e, comparisons, tests);
                }
            }
            BaseDescr at = not == null ? p : not;
            out.add(new Pat(p.getObjectType(), p.getSource() != null, not != null, comparisons, tests, at.getLine(),
                    at.getColumn() + 1));
        } else if (d instanceof NotDescr n) {
            n.getDescrs().forEach(x -> collect(x, n, out));
        } else if (d instanceof ConditionalElementDescr c) {
            c.getDescrs().forEach(x -> collect(x, not, out));
        }
    }

    /** The comparisons {@code field ==|!= "text"} and {@code field ==|!= Type.CONSTANT}, and bare tests, of one constraint. */
    private static void read(ExprConstraintDescr e, List<Comparison> comparisons, List<String> tests) {
        String expression = e.getExpression();
        List<Token> t = DrlScanner.scan(expression).tokens();
        String bare = expression.strip();
        if (bare.matches("!?\\s*[\\w$]+(\\s*==\\s*(true|false))?|[\\w$]+\\s*\\(\\s*\"[^\"]*\"\\s*\\)|!\\s*[\\w$]+\\s*\\(\\s*\"[^\"]*\"\\s*\\)")) {
            tests.add(bare.replaceAll("\\s+", ""));
        }
        for (int i = 0; i + 3 < t.size(); i++) {
            Token field = t.get(i);
            boolean member = i > 0 && t.get(i - 1).is(".");
            boolean eq = t.get(i + 1).is("=") && t.get(i + 2).is("=");
            boolean ne = t.get(i + 1).is("!") && t.get(i + 2).is("=");
            if (field.kind() != Kind.WORD || member || !(eq || ne) || i > 0 && t.get(i - 1).is("$")) {
                continue;
            }
            Token v = t.get(i + 3);
            int line = e.getLine() + field.line() - 1;
            int column = field.line() == 1 ? e.getColumn() + field.column() : field.column();
            if (v.kind() == Kind.STRING) {
                comparisons.add(new Comparison(field.text(), eq, v.text(), null, null, line, column));
            } else if (v.kind() == Kind.WORD && i + 5 < t.size() && t.get(i + 4).is(".")
                    && t.get(i + 5).kind() == Kind.WORD && Character.isUpperCase(v.text().charAt(0))) {
                comparisons.add(new Comparison(field.text(), eq, null, v.text(), t.get(i + 5).text(), line, column));
            }
        }
    }

    /**
     * The first and last day the conditions of {@code r} allow, from its {@code AsOf( isOnOrAfter("D") )}
     * tests and the campaigns it requires in force ({@code from}: each policy's first day) or not yet in force.
     */
    private static LocalDate[] dates(IndexedRule r, List<Pat> pats, Map<String, LocalDate> policyFrom) {
        LocalDate from = null;
        LocalDate until = null;
        for (Pat p : pats) {
            if (p.negated() || p.fromSource()) {
                continue;
            }
            if (p.type().equals("AsOf")) {
                for (String test : p.tests()) {
                    java.util.regex.Matcher m = java.util.regex.Pattern
                            .compile("(!?)isOnOrAfter\\(\"(\\d{4}-\\d{2}-\\d{2})\"\\)").matcher(test);
                    if (m.matches()) {
                        LocalDate d = RuleCompiler.date(m.group(2));
                        if (d != null && m.group(1).isEmpty()) {
                            from = from == null || d.isAfter(from) ? d : from;
                        } else if (d != null) {
                            LocalDate last = d.minusDays(1);
                            until = until == null || last.isBefore(until) ? last : until;
                        }
                    }
                }
            }
            if (p.type().equals("Campaign")) {
                String policy = p.comparisons().stream().filter(c -> c.field().equals("policy") && c.equal()
                        && c.literal() != null).map(Comparison::literal).findFirst().orElse(null);
                LocalDate start = policy == null ? null : policyFrom.get(policy);
                if (start == null) {
                    continue;
                }
                if (p.tests().contains("inForce") || p.tests().contains("inForce==true")) {
                    from = from == null || start.isAfter(from) ? start : from;
                } else if (p.tests().contains("!inForce") || p.tests().contains("inForce==false")) {
                    LocalDate last = start.minusDays(1);
                    until = until == null || last.isBefore(until) ? last : until;
                }
            }
        }
        return new LocalDate[] {from, until};
    }

    // ---- the checks of one rule ----

    private record OneRule(IndexedRule rule, RuleDescr descr, Facts facts, List<Warning> out) {

        void check() {
            List<Pat> pats = facts.patterns().getOrDefault(rule, List.of());
            pats.forEach(this::comparisons);
            policy(pats);
            dates(pats);
            notWithInsert(pats);
            words();
        }

        private void warn(int line, int column, String check, String message) {
            out.add(new Warning(rule.file(), line > 0 ? line : rule.line(), line > 0 ? Math.max(column, 1) : rule.column(),
                    rule.name(), check, "rule " + Messages.quoted(rule.name()) + ": " + message));
        }

        private void comparisons(Pat p) {
            Optional<Class<?>> type = FactTypes.bySimpleOrFullName(p.type());
            if (type.isEmpty()) {
                return;
            }
            for (Comparison c : p.comparisons()) {
                Class<?> fieldType = fieldType(type.get(), c.field());
                if (fieldType == null) {
                    continue;
                }
                if (c.enumType() != null) {
                    Optional<Class<?>> constantType = FactTypes.bySimpleOrFullName(c.enumType()).filter(Class::isEnum);
                    if (p.type().equals("RaisedFlag") && c.field().equals("basis") && c.equal()) {
                        basis(p, c);
                    }
                    if (constantType.isEmpty() || constantType.get() == fieldType) {
                        continue;
                    }
                    if (fieldType == String.class || fieldType.isEnum()) {
                        warn(c.line(), c.column(), "wrong-type-value", p.type() + "." + c.field() + " is a "
                                + fieldType.getSimpleName() + " and is compared with " + c.enumType() + "." + c.constant()
                                + ", a value of another type, which it never " + (c.equal() ? "equals" : "differs from")
                                + (fieldType.isEnum() ? ": compare it with a " + fieldType.getSimpleName() + " value ("
                                        + String.join(", ", FactTypes.constants(fieldType)) + ")"
                                        : ": compare it with a text in quotes"));
                    }
                    continue;
                }
                if (c.literal() == null || !c.equal() || !c.field().equals(RULE_VALUED.get(p.type()))) {
                    continue;
                }
                Set<String> known = facts.values().getOrDefault(p.type(), Set.of());
                if (facts.open().contains(p.type()) || known.contains(c.literal())) {
                    continue;
                }
                boolean policy = p.type().equals("Campaign");
                warn(c.line(), c.column(), policy ? "unknown-policy" : "value-never-inserted", p.type() + "( "
                        + c.field() + " == " + Messages.quoted(c.literal()) + " ) never matches: no rule inserts a "
                        + p.type() + " with " + c.field() + " " + Messages.quoted(c.literal())
                        + org.dsarules.internal.Suggest.nearest(c.literal(), known)
                                .map(n -> " (did you mean " + Messages.quoted(n) + "?)").orElse("")
                        + (policy ? "; a dated policy is created by a pair of rules that insert its Campaign"
                                + " (docs/authoring.md, section 5)" : ""));
            }
        }

        /** {@code RaisedFlag( id == "X", basis == Basis.B )} where every rule raises X on another basis. */
        private void basis(Pat p, Comparison basis) {
            for (Comparison c : p.comparisons()) {
                if (c.field().equals("id") && c.equal() && c.literal() != null
                        && !facts.open().contains("RaisedFlag.basis:" + c.literal())) {
                    Set<String> bases = facts.flagBases().get(c.literal());
                    if (bases != null && !bases.contains(basis.constant())) {
                        warn(basis.line(), basis.column(), "value-never-inserted", "red flag "
                                + Messages.quoted(c.literal()) + " is raised on the basis " + String.join(", ", bases)
                                + " by every rule that raises it, never " + basis.enumType() + "." + basis.constant()
                                + ": this pattern never matches");
                    }
                }
            }
        }

        private void policy(List<Pat> pats) {
            Metadata m = rule.meta(RuleCatalogue.POLICY).orElse(null);
            if (m == null || m.value() == null) {
                return;
            }
            Set<String> known = facts.values().getOrDefault("Campaign", Set.of());
            if (!facts.open().contains("Campaign") && !known.contains(m.value())) {
                warn(m.line(), m.column(), "unknown-policy", "@policy(" + Messages.quoted(m.value())
                        + ") names a policy no rule creates (no rule inserts a Campaign " + Messages.quoted(m.value()) + ")"
                        + org.dsarules.internal.Suggest.nearest(m.value(), known)
                                .map(n -> " (did you mean " + Messages.quoted(n) + "?)").orElse(""));
                return;
            }
            for (Pat p : pats) {
                if (!p.type().equals("Campaign") || p.negated()) {
                    continue;
                }
                for (Comparison c : p.comparisons()) {
                    if (c.field().equals("policy") && c.equal() && c.literal() != null && !c.literal().equals(m.value())) {
                        warn(m.line(), m.column(), "dates-disagree", "@policy(" + Messages.quoted(m.value())
                                + ") but its conditions require the Campaign " + Messages.quoted(c.literal())
                                + " (line " + c.line() + "): the catalogue would file it under the wrong policy");
                    }
                }
            }
        }

        private void dates(List<Pat> pats) {
            LocalDate[] cond = RuleLint.dates(rule, pats, facts.policyFrom());
            date(RuleCompiler.IN_FORCE_FROM, cond[0], "first", "requires");
            date(RuleCompiler.IN_FORCE_UNTIL, cond[1], "last", "allows");
        }

        private void date(String key, LocalDate byConditions, String which, String verb) {
            Metadata m = rule.meta(key).orElse(null);
            LocalDate declared = m == null ? null : RuleCompiler.date(m.value());
            if (m != null && declared == null) {
                return; // not a date: RuleCompiler.check refuses it
            }
            if (declared != null && byConditions == null) {
                warn(m.line(), m.column(), "dates-disagree", "@" + key + "(\"" + declared + "\") but nothing in its"
                        + " conditions dates it (no Campaign( policy == \"...\", inForce ) or AsOf( isOnOrAfter(\"...\") )):"
                        + " it can fire on any date, and the catalogue says otherwise");
            } else if (declared != null && !declared.equals(byConditions)) {
                warn(m.line(), m.column(), "dates-disagree", "@" + key + "(\"" + declared + "\") but its conditions "
                        + "make " + byConditions + " the " + which + " day it can fire: correct the date, or the condition");
            } else if (declared == null && byConditions != null) {
                warn(rule.line(), rule.column(), "dates-disagree", "its conditions make " + byConditions + " the "
                        + which + " day it can fire, but it declares no @" + key + ": add @" + key + "(\""
                        + byConditions + "\") so that the catalogue shows it");
            }
        }

        private void notWithInsert(List<Pat> pats) {
            String consequence = rule.consequence();
            List<Token> t = DrlScanner.scan(consequence).tokens();
            boolean plainInsert = t.stream().anyMatch(k -> k.is("insert"));
            if (!plainInsert) {
                return;
            }
            for (Pat p : pats) {
                Set<String> by = new TreeSet<>(facts.insertedBy().getOrDefault(p.type(), Set.of()));
                by.remove(rule.name());
                if (!p.negated() || p.fromSource() || by.isEmpty()) {
                    continue;
                }
                warn(p.line(), p.column(), "not-with-insert", "\"not " + p.type() + "(...)\" tests the absence of a fact"
                        + " that other rules insert (" + String.join(", ", by.stream().limit(3).toList())
                        + (by.size() > 3 ? ", ..." : "") + "), and rules fire in no guaranteed order: if this rule fires"
                        + " first, what it inserts with insert(...) stays after the " + p.type() + " appears (a keep-list"
                        + " would keep despite a legal red flag). Insert with insertLogical(...) instead: Drools then"
                        + " withdraws it when the " + p.type() + " appears, and the trace shows it withdrawn. Do not use"
                        + " salience to order rules");
            }
        }

        private void words() {
            boolean proposes = rule.proposes() != null
                    || DrlScanner.scan(rule.consequence()).tokens().stream().anyMatch(k -> k.is("Proposal"));
            if (!proposes) {
                return;
            }
            for (String key : List.of(RuleInfo.PATIENT_REASON, RuleInfo.NEXT_STEPS)) {
                if (rule.meta(key).map(Metadata::value).filter(v -> !v.isBlank()).isEmpty()) {
                    warn(rule.line(), rule.column(), "proposal-without-words", "proposes an outcome but has no @" + key
                            + (key.equals(RuleInfo.PATIENT_REASON)
                                    ? ": when it decides, the documents for patients have no words of its own;"
                                            + " add one plain sentence in the practice's voice"
                                    : ": when it decides, the reports list no next steps; add them, separated by \" | \""));
                }
            }
        }
    }

    /** The type of {@code field} on {@code type}: a record component, a getter, or a no-argument method; null when none. */
    private static Class<?> fieldType(Class<?> type, String field) {
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                if (rc.getName().equals(field)) {
                    return rc.getType();
                }
            }
        }
        String cap = field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String name : List.of(field, "get" + cap, "is" + cap)) {
            try {
                Method m = type.getMethod(name);
                return m.getReturnType();
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return null;
    }
}
