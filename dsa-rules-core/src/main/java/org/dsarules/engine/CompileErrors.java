package org.dsarules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.engine.DrlScanner.Kind;
import org.dsarules.engine.DrlScanner.Token;
import org.dsarules.engine.RuleIndex.IndexedRule;
import org.dsarules.exception.RuleCompilationException.Problem;
import org.dsarules.internal.Suggest;
import org.kie.api.builder.Message;

/**
 * Turns the Drools compiler's messages into problems an author can act on: each at the DRL file,
 * line and column of its cause, in words that name the rule and the misspelt name, with the nearest
 * right name where there is one. Drools' executable-model compiler reports some errors without a
 * position and some in the Java it generates; these are placed from the names they mention (looked up
 * in the {@link RuleIndex} tokens) or, failing that, by compiling the file's rules one at a time. The
 * generated Java itself is never shown, and the output is bounded whatever the rule files hold.
 */
final class CompileErrors {
    /** At most this many problems are listed; the rest are counted. */
    static final int MAX_PROBLEMS = 20;
    /** At most this many characters of one message. */
    static final int MAX_MESSAGE = 400;
    /** Compiling rules one at a time to find the one a position-less error belongs to stops after this many. */
    static final int MAX_ISOLATED = 30;

    private static final Pattern GENERATED_LINE = Pattern.compile("^\\s*\\*\\s*Rule name:\\s*(.*)$");
    private static final Pattern DRL_PATH = Pattern.compile("(?:^|/)r(\\d+)\\.drl$");
    private static final Pattern SYNTAX = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ (.*)$", Pattern.DOTALL);
    private static final Pattern NO_CLASS = Pattern.compile(
            "^(?:Unable to find class: |Unable to resolve ObjectType ')([\\w.$]+)'?.*", Pattern.DOTALL);
    private static final Pattern LEFT_PART = Pattern.compile("^Unable to parse left part of expression: (.*)$",
            Pattern.DOTALL);
    private static final Pattern MISSING_METHOD = Pattern.compile(
            "^Method ([\\w$]+) on class ([\\w.$]+) with arguments \\[(.*?)\\] is missing.*", Pattern.DOTALL);
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("^Unknown field ([\\w$]+) on class ([\\w.$]+).*",
            Pattern.DOTALL);
    private static final Pattern CONSEQUENCE = Pattern.compile(
            "^Unable to parse consequence caused by: \\(line (\\d+),col (\\d+)\\) (.*?)(?:\\s*Problem stacktrace.*)?$",
            Pattern.DOTALL);
    private static final Pattern NOT_A_TYPE = Pattern.compile("^([\\w$.]+) cannot be resolved to a type$");
    private static final Pattern NOT_A_VARIABLE = Pattern.compile("^([\\w$.]+) cannot be resolved(?: to a variable)?$");
    private static final Pattern NO_CONSTRUCTOR = Pattern.compile("^The constructor ([\\w$]+)\\((.*)\\) is undefined$");
    private static final Pattern NO_METHOD = Pattern.compile(
            "^The method ([\\w$]+)\\((.*?)\\) is undefined for the type ([\\w$]+)$");
    private static final Pattern ANALYSE = Pattern.compile("^Unable to Analyse Expression (.*?):?\\s*$", Pattern.DOTALL);
    private static final Pattern INCOMPATIBLE = Pattern.compile(
            "^Equality operation requires compatible types\\. Found class ([\\w.$]+) and class ([\\w.$]+)$");
    /** The method a generated consequence class runs: its body is the rule's consequence. */
    private static final Pattern EXECUTE = Pattern.compile(
            "public void execute\\([^)]*\\) throws java\\.lang\\.Exception \\{");
    private static final Pattern ACCESSOR = Pattern.compile("^(get|is)([A-Z][\\w$]*)$");
    private static final Pattern COERCE = Pattern.compile("^Cannot coerce ([\\w.]+) to [\\w.]+!?$");
    private static final Pattern WRONG_ARGUMENTS = Pattern.compile(
            "^The method alphaIndexedBy\\(.*\\) in the type PatternDSL is not applicable for the arguments \\(Class<([\\w$]+)>.*, ([\\w$]+)\\)$");

    private CompileErrors() {
    }

    /** A problem thrown (not reported) by the compiler. */
    static Problem thrown(RuleIndex index, RuntimeException e) {
        String file = index.sources().size() == 1 ? index.sources().get(0).name() : "(rules)";
        return new Problem(file, 0, 0, "the rules cannot be compiled: " + e.getMessage());
    }

    /**
     * The problems of {@code messages}.
     *
     * @param paths       the path each source of the index was compiled under, by position
     * @param compileText compiles one DRL text alone and returns its error messages; used to find the
     *                    rule a message without position belongs to
     */
    static List<Problem> of(RuleIndex index, List<String> paths, List<Message> messages,
            Function<String, List<Message>> compileText) {
        Map<String, String> generated = new LinkedHashMap<>();
        for (Message m : messages) {
            String text = m.getText();
            if (text.startsWith("Java source of ")) {
                int nl = text.indexOf('\n');
                generated.put(m.getPath(), nl < 0 ? "" : text.substring(nl + 1));
            }
        }
        // Drools follows "Unable to Analyse Expression _this.isNamed(nmae)" with "Method isNamed ... with
        // arguments [class java.lang.Object] is missing": the method is right, its argument is the misspelt
        // field, and the first message (placed at the field) says so.
        List<String> analysed = new ArrayList<>();
        for (Message m : messages) {
            Matcher a = ANALYSE.matcher(m.getText().strip());
            if (a.matches()) {
                analysed.add(a.group(1));
            }
        }
        Set<Problem> out = new LinkedHashSet<>();
        for (Message m : messages) {
            String text = m.getText().strip();
            if (text.startsWith("Java source of ")) {
                continue;
            }
            Matcher companion = MISSING_METHOD.matcher(text);
            if (companion.matches() && companion.group(3).contains("java.lang.Object")
                    && analysed.stream().anyMatch(e -> e.contains(companion.group(1) + "("))) {
                continue;
            }
            if (text.contains("Parser returned a null Package") && messages.size() > 1) {
                // Drools adds this after a syntax error it has already reported: it says nothing more.
                continue;
            }
            String path = m.getPath() == null ? "" : m.getPath();
            Matcher drl = DRL_PATH.matcher(path);
            if (drl.find()) {
                RuleSource source = index.sources().get(Integer.parseInt(drl.group(1)));
                out.add(inDrl(index, source, m, text, compileText));
            } else {
                out.add(inGenerated(index, generated.getOrDefault(path, ""), m, text));
            }
        }
        return List.copyOf(out);
    }

    /** Keeps every message short and the list of them bounded. */
    static List<Problem> bounded(Collection<Problem> problems) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            if (out.size() == MAX_PROBLEMS) {
                out.add(new Problem(p.file(), 0, 0, "... and " + (problems.size() - MAX_PROBLEMS)
                        + " more problem(s), not listed"));
                break;
            }
            String m = p.message().replaceAll("\\s+", " ").strip();
            if (m.length() > MAX_MESSAGE) {
                m = m.substring(0, MAX_MESSAGE) + "... (" + m.length() + " characters)";
            }
            out.add(new Problem(Messages.shown(p.file()), p.line(), p.column(), m));
        }
        return out;
    }

    // ---- errors Drools reports in the DRL file ----

    private static Problem inDrl(RuleIndex index, RuleSource source, Message m, String text,
            Function<String, List<Message>> compileText) {
        List<Token> tokens = DrlScanner.scan(source.text()).tokens();
        Matcher syntax = SYNTAX.matcher(text);
        if (syntax.matches() && m.getLine() > 0) {
            // Drools reports a syntax error at the token where it noticed it, often the next line's
            // "then" or "end": the mistake is just before it, at the end of the previous token.
            Token found = tokenAt(tokens, m.getLine(), m.getColumn() + 1);
            Token before = found == null ? null : previous(tokens, found);
            String what = syntax.group(1).replaceAll("\\s+", " ");
            if (before != null && before.line() < found.line()) {
                return new Problem(source.name(), before.line(), endColumn(source.text(), before),
                        "syntax error: " + what + " (line " + found.line() + "): the text before it, here, is not"
                                + " complete (a ')' or ',' may be missing)");
            }
            return new Problem(source.name(), m.getLine(), m.getColumn() + 1, "syntax error: " + what);
        }
        Matcher consequence = CONSEQUENCE.matcher(text);
        if (consequence.matches()) {
            IndexedRule rule = index.ruleAt(source, m.getLine()).orElse(null);
            int line = rule == null || rule.thenLine() == 0 ? m.getLine()
                    : rule.thenLine() + Integer.parseInt(consequence.group(1)) - 1;
            String what = consequence.group(3).replaceAll("\\s+", " ");
            int cut = what.indexOf(", expected one of");
            return new Problem(source.name(), line, 1, "the consequence of rule "
                    + (rule == null ? "" : Messages.quoted(rule.name()) + " ") + "is not valid Java: "
                    + (cut > 0 ? what.substring(0, cut) : what));
        }
        Matcher analyse = ANALYSE.matcher(text);
        if (analyse.matches() && m.getLine() > 0) {
            Problem field = unknownFieldIn(source, tokens, index, m.getLine(), analyse.group(1));
            if (field != null) {
                return field;
            }
        }
        if (m.getLine() > 0) {
            return new Problem(source.name(), m.getLine(), Math.max(m.getColumn(), 0) + 1, text);
        }
        Matcher noClass = NO_CLASS.matcher(text);
        if (noClass.matches()) {
            String name = noClass.group(1);
            return placed(source, tokens, index, name, "no fact type is named " + Messages.quoted(name)
                    + suggestion(name, FactTypes.all().keySet()) + ": the fact types are listed in docs/authoring.md");
        }
        Matcher unknownField = UNKNOWN_FIELD.matcher(text);
        if (unknownField.matches()) {
            String name = unknownField.group(1);
            Optional<Class<?>> type = FactTypes.bySimpleOrFullName(unknownField.group(2));
            String typeName = simple(unknownField.group(2));
            if (type.isPresent() && type.get().isEnum()) {
                return placed(source, tokens, index, name, typeName + " has no value " + Messages.quoted(name)
                        + suggestion(name, FactTypes.constants(type.get())) + "; its values are "
                        + String.join(", ", FactTypes.constants(type.get())));
            }
            return placed(source, tokens, index, name, typeName + " has no field " + Messages.quoted(name)
                    + type.map(t -> suggestion(name, FactTypes.fields(t))).orElse(""));
        }
        Matcher missingMethod = MISSING_METHOD.matcher(text);
        if (missingMethod.matches()) {
            String name = missingMethod.group(1);
            Optional<Class<?>> type = FactTypes.bySimpleOrFullName(missingMethod.group(2));
            String args = missingMethod.group(3).replaceAll("class [\\w.]*\\.", "");
            return placed(source, tokens, index, name, simple(missingMethod.group(2)) + " has no method "
                    + Messages.quoted(name) + (args.isBlank() ? " without arguments" : " taking (" + args + ")")
                    + type.map(t -> accessorHint(t, name).orElse(suggestion(name, FactTypes.methods(t)))).orElse(""));
        }
        Matcher leftPart = LEFT_PART.matcher(text);
        if (leftPart.matches()) {
            List<Token> expr = DrlScanner.scan(leftPart.group(1)).tokens();
            String name = expr.stream().filter(t -> t.kind() == Kind.WORD && !t.text().startsWith("$")).map(Token::text)
                    .findFirst().orElse(leftPart.group(1));
            Token at = find(tokens, index, source, name);
            Optional<Class<?>> type = at == null ? Optional.empty() : patternType(tokens, at);
            return placed(source, tokens, index, name, type.map(t -> t.getSimpleName() + " has no field "
                    + Messages.quoted(name) + suggestion(name, FactTypes.fields(t)))
                    .orElse("cannot read the condition " + Messages.quoted(leftPart.group(1).strip())
                            + ": a field or variable in it is not known"));
        }
        // A message without a position that names nothing in the file: find its rule by compiling the
        // file's rules one at a time.
        IndexedRule rule = isolate(index, source, compileText).orElse(null);
        if (rule != null) {
            Matcher incompatible = INCOMPATIBLE.matcher(text);
            if (incompatible.matches()) {
                Problem p = incompatible(source, tokens, rule, incompatible.group(1), incompatible.group(2));
                if (p != null) {
                    return p;
                }
            }
            Matcher coerce = COERCE.matcher(text);
            Token literal = coerce.matches() ? literal(tokens, rule, coerce.group(1)) : null;
            return literal == null
                    ? new Problem(source.name(), rule.line(), rule.column(), "in rule " + Messages.quoted(rule.name())
                            + ": " + plain(text))
                    : new Problem(source.name(), literal.line(), literal.column(), "rule " + Messages.quoted(rule.name())
                            + ": " + plain(text));
        }
        return new Problem(source.name(), 0, 0, plain(text));
    }

    /**
     * A field compared with a constant of another enum ({@code status == PracticeRole.CONTROLLER}): at the
     * constant, naming the field's own values. Null when neither type is written as {@code Type.CONSTANT}
     * in the rule's conditions.
     */
    private static Problem incompatible(RuleSource source, List<Token> tokens, IndexedRule rule, String a, String b) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.line() <= rule.line() || rule.thenLine() > 0 && t.line() >= rule.thenLine()
                    || t.kind() != Kind.WORD || !tokens.get(i + 1).is(".")) {
                continue;
            }
            String written = t.text();
            String other = simple(a).equals(written) ? b : simple(b).equals(written) ? a : null;
            if (other == null) {
                continue;
            }
            Optional<Class<?>> field = FactTypes.bySimpleOrFullName(other);
            List<String> values = field.map(FactTypes::constants).orElse(List.of());
            return new Problem(source.name(), t.line(), t.column(), "rule " + Messages.quoted(rule.name()) + ": a "
                    + simple(other) + " is compared with " + written + "." + tokens.get(i + 2).text()
                    + ", a value of another type" + (values.isEmpty() ? ""
                            : ": compare it with a " + simple(other) + " value (" + String.join(", ", values) + ")"));
        }
        return null;
    }

    /** Drools' words for a comparison of mismatched types, with the usual cause. */
    private static String plain(String text) {
        if (text.startsWith("Cannot coerce")) {
            return text + " (a condition compares a field with a value of another type, e.g. a true/false field with a"
                    + " number, or an enum field with a \"string\")";
        }
        return text;
    }

    private static Problem placed(RuleSource source, List<Token> tokens, RuleIndex index, String name, String message) {
        Token at = find(tokens, index, source, name);
        if (at == null) {
            return new Problem(source.name(), 0, 0, message);
        }
        String rule = index.ruleAt(source, at.line()).map(r -> "rule " + Messages.quoted(r.name()) + ": ").orElse("");
        return new Problem(source.name(), at.line(), at.column(), rule + message);
    }

    /** The first use of {@code name} as a word in the conditions or consequence of a rule of {@code source}. */
    private static Token find(List<Token> tokens, RuleIndex index, RuleSource source, String name) {
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        Token fallback = null;
        for (Token t : tokens) {
            if (t.kind() == Kind.WORD && t.text().equals(simple)) {
                Optional<IndexedRule> r = index.ruleAt(source, t.line());
                if (r.isPresent() && r.get().source() == source && t.line() > r.get().line()) {
                    return t;
                }
                if (fallback == null) {
                    fallback = t;
                }
            }
        }
        return fallback;
    }

    /** The fact type of the pattern whose brackets hold {@code at}: the word before the unclosed '('. */
    private static Optional<Class<?>> patternType(List<Token> tokens, Token at) {
        int i = tokens.indexOf(at);
        int depth = 0;
        for (int j = i - 1; j > 0; j--) {
            Token t = tokens.get(j);
            if (t.is(")")) {
                depth++;
            } else if (t.is("(")) {
                if (depth == 0) {
                    return FactTypes.bySimpleOrFullName(tokens.get(j - 1).text());
                }
                depth--;
            }
        }
        return Optional.empty();
    }

    private static Optional<IndexedRule> isolate(RuleIndex index, RuleSource source,
            Function<String, List<Message>> compileText) {
        List<IndexedRule> rules = index.rules().stream().filter(r -> r.source() == source).toList();
        if (rules.size() == 1) {
            return Optional.of(rules.get(0));
        }
        List<IndexedRule> failing = new ArrayList<>();
        for (IndexedRule r : rules.subList(0, Math.min(rules.size(), MAX_ISOLATED))) {
            if (!compileText.apply(only(source.text(), index, source, r)).isEmpty()) {
                failing.add(r);
            }
        }
        return failing.isEmpty() ? Optional.empty() : Optional.of(failing.get(0));
    }

    /** {@code text} with every rule but {@code keep} blanked out, line breaks kept so lines stay true. */
    private static String only(String text, RuleIndex index, RuleSource source, IndexedRule keep) {
        List<Token> tokens = DrlScanner.scan(text).tokens();
        StringBuilder sb = new StringBuilder(text);
        List<IndexedRule> rules = index.rules().stream().filter(r -> r.source() == source)
                .sorted((a, b) -> Integer.compare(a.line(), b.line())).toList();
        for (IndexedRule r : rules) {
            if (r == keep) {
                continue;
            }
            Token start = tokenAt(tokens, r.line(), r.column());
            if (start == null) {
                continue;
            }
            int from = start.offset();
            int to = text.length();
            for (int i = tokens.indexOf(start) + 1; i < tokens.size(); i++) {
                // The rule ends at the first "end" after its "then" (the index found both).
                if (tokens.get(i).is("end") && tokens.get(i).line() >= Math.max(r.thenLine(), r.line())) {
                    to = tokens.get(i).end();
                    break;
                }
            }
            for (int k = from; k < to; k++) {
                if (sb.charAt(k) != '\n') {
                    sb.setCharAt(k, ' ');
                }
            }
        }
        return sb.toString();
    }

    // ---- errors Drools reports in the Java it generates ----

    private static Problem inGenerated(RuleIndex index, String generated, Message m, String text) {
        IndexedRule rule = generatedRule(index, generated, m.getLine()).orElse(null);
        boolean inConsequence = EXECUTE.matcher(generated).find();
        if (rule == null) {
            return new Problem(index.sources().size() == 1 ? index.sources().get(0).name() : "(rules)", 0, 0,
                    "the rules cannot be compiled: " + text.replaceAll("Lambda\\w+|Rules\\w+", "(generated code)"));
        }
        List<Token> tokens = DrlScanner.scan(rule.source().text()).tokens();
        String in = "rule " + Messages.quoted(rule.name()) + ": ";
        Matcher notAType = NOT_A_TYPE.matcher(text);
        if (notAType.matches()) {
            String name = notAType.group(1).split("\\.")[0];
            return at(rule, tokens, name, in + "no type is named " + Messages.quoted(name)
                    + suggestion(name, FactTypes.all().keySet()), inConsequence);
        }
        Matcher notAVariable = NOT_A_VARIABLE.matcher(text);
        if (notAVariable.matches()) {
            String name = notAVariable.group(1).split("\\.")[0];
            List<String> bound = bound(tokens, rule);
            if (name.startsWith("$")) {
                return at(rule, tokens, name, in + Messages.quoted(name) + " is not bound in the rule's conditions"
                        + suggestion(name, bound) + (bound.isEmpty() ? "" : "; it binds " + String.join(", ", bound)), inConsequence);
            }
            Set<String> known = new TreeSet<>(bound);
            known.addAll(FactTypes.all().keySet());
            return at(rule, tokens, name, in + Messages.quoted(name) + " is not a variable of the rule or a known type"
                    + suggestion(name, known), inConsequence);
        }
        Matcher noConstructor = NO_CONSTRUCTOR.matcher(text);
        if (noConstructor.matches()) {
            String name = noConstructor.group(1);
            String how = FactTypes.bySimpleOrFullName(name).map(FactTypes::constructors).orElse("");
            return at(rule, tokens, name, in + "new " + name + "(" + noConstructor.group(2) + ") does not exist"
                    + (how.isEmpty() ? "" : ": write " + how), inConsequence);
        }
        Matcher noMethod = NO_METHOD.matcher(text);
        if (noMethod.matches()) {
            String name = noMethod.group(1);
            Optional<Class<?>> type = FactTypes.bySimpleOrFullName(noMethod.group(3));
            return at(rule, tokens, name, in + noMethod.group(3) + " has no method " + Messages.quoted(name)
                    + (noMethod.group(2).isBlank() ? "" : " taking (" + noMethod.group(2) + ")")
                    + type.map(t -> accessorHint(t, name).orElse(suggestion(name, FactTypes.methods(t)))).orElse(""), inConsequence);
        }
        Matcher wrongArguments = WRONG_ARGUMENTS.matcher(text);
        if (wrongArguments.matches()) {
            String field = wrongArguments.group(1);
            String value = wrongArguments.group(2);
            Optional<Class<?>> enumType = FactTypes.bySimpleOrFullName(field).filter(Class::isEnum);
            Token literal = literal(tokens, rule, value.equals("String") ? "String" : "int");
            String message = in + "a " + field + " is compared with a " + value;
            if (enumType.isPresent()) {
                List<String> constants = FactTypes.constants(enumType.get());
                String written = literal == null ? "" : literal.text();
                String right = constants.contains(written) ? written : Suggest.nearest(written, constants)
                        .orElse(constants.get(0));
                message += ": write " + field + "." + right + (literal != null && literal.kind() == Kind.STRING
                        ? ", not " + Messages.quoted(written) : "");
            }
            return literal == null ? new Problem(rule.file(), rule.line(), rule.column(), message)
                    : new Problem(rule.file(), literal.line(), literal.column(), message);
        }
        int line = rule.thenLine() > 0 && generated.contains("LambdaConsequence") ? rule.thenLine() : rule.line();
        return new Problem(rule.file(), line, 1, in + text.replaceAll("Lambda\\w+|Rules\\w+", "(generated code)"));
    }

    /**
     * {@code message} at the first use of {@code name} in {@code rule} (in its consequence when
     * {@code inConsequence}: the generated class the error is in is the consequence), or at the rule's
     * {@code then} (or {@code rule}) line when the name is not written there.
     */
    private static Problem at(IndexedRule rule, List<Token> tokens, String name, String message, boolean inConsequence) {
        int from = inConsequence && rule.thenLine() > 0 ? rule.thenLine() : rule.line() + 1;
        int to = endLine(rule, tokens);
        for (Token t : tokens) {
            if (t.kind() == Kind.WORD && t.text().equals(name) && t.line() >= from && t.line() <= to) {
                return new Problem(rule.file(), t.line(), t.column(), message);
            }
        }
        return new Problem(rule.file(), rule.thenLine() > 0 ? rule.thenLine() : rule.line(), 1, message);
    }

    /** The line of the {@code end} that closes {@code rule}, or the last line of its file. */
    private static int endLine(IndexedRule rule, List<Token> tokens) {
        int after = Math.max(rule.thenLine(), rule.line());
        for (Token t : tokens) {
            if (t.line() > after && t.kind() == Kind.WORD && t.is("end")) {
                return t.line();
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The hint for {@code getName()} or {@code isX()} called on a record whose accessor is {@code name()}:
     * the facts are records, and JavaBeans habits are the usual cause of this error after {@code then}.
     */
    static Optional<String> accessorHint(Class<?> type, String method) {
        Matcher m = ACCESSOR.matcher(method);
        if (!type.isRecord() || !m.matches()) {
            return Optional.empty();
        }
        String component = Character.toLowerCase(m.group(2).charAt(0)) + m.group(2).substring(1);
        for (java.lang.reflect.RecordComponent rc : type.getRecordComponents()) {
            if (rc.getName().equals(component)) {
                return Optional.of(": " + type.getSimpleName() + " is a record, and records have accessors: write "
                        + component + "(), not " + method + "()");
            }
        }
        return Optional.empty();
    }

    /**
     * The misspelt field of an expression Drools could not analyse ({@code programe.equalsIgnoreCase("x")},
     * {@code isNamed(nmae)}): the first plain name in it that is not a field, method or variable of the
     * pattern's type, at its own column, as "has no field", not as a wrong method. Null when every name
     * in it is known (the problem is then something else).
     */
    private static Problem unknownFieldIn(RuleSource source, List<Token> tokens, RuleIndex index, int line,
            String expression) {
        List<Token> expr = DrlScanner.scan(expression).tokens();
        for (int i = 0; i < expr.size(); i++) {
            Token w = expr.get(i);
            boolean member = i > 0 && expr.get(i - 1).is(".");
            boolean call = i + 1 < expr.size() && expr.get(i + 1).is("(");
            if (w.kind() != Kind.WORD || member || call || w.text().startsWith("$") || w.text().equals("_this")
                    || !Character.isJavaIdentifierStart(w.text().charAt(0)) || KEYWORDS.contains(w.text())
                    || FactTypes.all().containsKey(w.text())) {
                continue;
            }
            Token at = null;
            for (Token t : tokens) {
                if (t.line() == line && t.kind() == Kind.WORD && t.text().equals(w.text())) {
                    at = t;
                    break;
                }
            }
            Optional<Class<?>> type = at == null ? Optional.empty() : enclosingPatternType(tokens, at);
            if (at == null || type.isEmpty() || FactTypes.fields(type.get()).contains(w.text())) {
                continue;
            }
            String rule = index.ruleAt(source, at.line()).map(r -> "rule " + Messages.quoted(r.name()) + ": ").orElse("");
            return new Problem(source.name(), at.line(), at.column(), rule + type.get().getSimpleName() + " has no field "
                    + Messages.quoted(w.text()) + suggestion(w.text(), FactTypes.fields(type.get())));
        }
        return null;
    }

    /**
     * The fact type of the pattern {@code at} is in, passing the brackets of method calls on the way out
     * ({@code Party( isNamed(nmae) )}: Party, not isNamed).
     */
    private static Optional<Class<?>> enclosingPatternType(List<Token> tokens, Token at) {
        int depth = 0;
        for (int j = tokens.indexOf(at) - 1; j > 0; j--) {
            Token t = tokens.get(j);
            if (t.is(")")) {
                depth++;
            } else if (t.is("(")) {
                if (depth == 0) {
                    Optional<Class<?>> type = FactTypes.bySimpleOrFullName(tokens.get(j - 1).text());
                    if (type.isPresent()) {
                        return type;
                    }
                } else {
                    depth--;
                }
            }
        }
        return Optional.empty();
    }

    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "this", "new", "instanceof",
            "in", "not", "matches", "contains", "memberOf", "soundslike", "str", "after", "before");

    /**
     * The first literal of {@code javaType} ("String", or a number type) in the conditions of {@code rule}:
     * where a comparison of mismatched types usually is.
     */
    private static Token literal(List<Token> tokens, IndexedRule rule, String javaType) {
        boolean string = javaType.equals("String") || javaType.equals("java.lang.String");
        for (Token t : tokens) {
            if (t.line() < Math.max(rule.whenLine(), rule.line() + 1) || rule.thenLine() > 0 && t.line() >= rule.thenLine()) {
                continue;
            }
            if (string ? t.kind() == Kind.STRING : t.kind() == Kind.WORD && Character.isDigit(t.text().charAt(0))) {
                return t;
            }
        }
        return null;
    }

    /** The variables a rule binds in its conditions ({@code $a: Agreement()}). */
    private static List<String> bound(List<Token> tokens, IndexedRule rule) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.line() > rule.line() && t.line() < rule.thenLine() && t.kind() == Kind.WORD
                    && t.text().startsWith("$") && tokens.get(i + 1).is(":")) {
                out.add(t.text());
            }
        }
        return out;
    }

    /**
     * The rule a generated Java file belongs to: a rule-methods file names it in a comment before the
     * error's line; a consequence is matched with the rule whose consequence it is.
     */
    private static Optional<IndexedRule> generatedRule(RuleIndex index, String generated, int line) {
        String[] lines = generated.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher g = GENERATED_LINE.matcher(lines[i]);
            if (g.matches()) {
                Optional<IndexedRule> r = index.rule(g.group(1).strip());
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        // A consequence's class has one execute method whose parameters are the variables the consequence
        // uses (with "drools" only when it inserts or modifies), and whose body is the consequence.
        Matcher execute = EXECUTE.matcher(generated);
        if (execute.find()) {
            int body = execute.end();
            String code = squeeze(generated.substring(body,
                    Math.max(generated.lastIndexOf('}', generated.lastIndexOf('}') - 1), body)));
            IndexedRule contained = null;
            for (IndexedRule r : index.rules()) {
                String c = squeeze(r.consequence());
                if (c.equals(code)) {
                    return Optional.of(r);
                }
                if (contained == null && !c.isEmpty() && (code.contains(c) || c.contains(code))) {
                    contained = r;
                }
            }
            return Optional.ofNullable(contained);
        }
        return Optional.empty();
    }

    private static String squeeze(String code) {
        return code.replace("drools.", "").replaceAll("\\s+", "");
    }

    private static String suggestion(String wrong, Collection<String> names) {
        return Suggest.nearest(wrong, names).filter(s -> !s.equals(wrong))
                .map(s -> " (did you mean " + Messages.quoted(s) + "?)").orElse("");
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static Token tokenAt(List<Token> tokens, int line, int column) {
        for (Token t : tokens) {
            if (t.line() == line && t.column() >= column || t.line() > line) {
                return t;
            }
        }
        return null;
    }

    private static Token previous(List<Token> tokens, Token t) {
        int i = tokens.indexOf(t);
        return i > 0 ? tokens.get(i - 1) : null;
    }

    /** The column just after the last character of {@code t}, for a token on one line. */
    private static int endColumn(String text, Token t) {
        int lineStart = text.lastIndexOf('\n', t.offset() - 1) + 1;
        return t.end() - lineStart;
    }
}
