package org.dsarules.kb.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.Outcome;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.Summary;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.TraceStep;
import org.dsarules.internal.Suggest;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.kb.scenario.ScenarioResult.Failure;
import org.dsarules.internal.JacksonSupport;

/**
 * Reads scenario files and runs them. A scenario file is JSON:
 *
 * <pre>{@code
 * {"name": "...", "asOf": "YYYY-MM-DD",
 *  "register": {...} | "registerFile": "relative/path.json",
 *  "base": {...agreement fields...},            (optional: defaults for every agreement of the register)
 *  "expect": {"<dsaId>": {"outcome": "...", "redFlags": [...], "missing": [...],
 *                         "decisiveRule": "...", "fired": [...], "notFired": [...], "withdrawn": [...]}}}
 * }</pre>
 *
 * Every key under an agreement is optional and checks only what it names. {@code notFired} holds when
 * the rule is no step of the trace; a rule whose insertion was withdrawn by truth maintenance did fire
 * (its step is marked withdrawn), and {@code withdrawn} checks exactly that. {@code base} is this
 * project's addition: its fields are copied into every agreement that does not set them, so that a
 * scenario states only what it varies.
 */
public final class Scenarios {
    private static final ObjectMapper MAPPER = JacksonSupport.mapper();
    private static final Set<String> EXPECT_KEYS =
            Set.of("outcome", "redFlags", "missing", "decisiveRule", "fired", "notFired", "withdrawn");

    /**
     * How the trace marks a step whose insertions truth maintenance withdrew (the engine appends it to the
     * step's explanation): the one sign of a withdrawal that a decision, and a decision document read
     * back, carries.
     */
    static final String WITHDRAWN_MARK = "[withdrawn:";

    private Scenarios() {
    }

    /** Every scenario file ({@code *.json}) under the given files and directories, sorted by path. */
    public static List<Path> find(Collection<Path> paths) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new DsaRulesException(p + ": cannot read: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new DsaRulesException(p + ": no such file or directory");
            }
        }
        return List.copyOf(out);
    }

    /** Reads one scenario file. */
    public static Scenario read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new DsaRulesException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage().replaceAll("\\s*(at )?\\[Source:.*$", "").strip());
        } catch (IOException e) {
            throw new DsaRulesException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "a scenario is a JSON object with name, asOf, register or registerFile, and expect");
        }
        String name = root.path("name").asText(file.getFileName().toString());
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(text(file, root, "asOf"));
        } catch (DateTimeParseException e) {
            throw bad(file, "asOf: \"" + root.get("asOf").asText() + "\" is not a YYYY-MM-DD date");
        }
        JsonNode register;
        Path registerSource = file;
        if (root.has("register")) {
            register = root.get("register");
        } else if (root.has("registerFile")) {
            Path rf = file.toAbsolutePath().getParent().resolve(text(file, root, "registerFile"));
            registerSource = rf;
            try {
                register = MAPPER.readTree(Files.readAllBytes(rf));
            } catch (NoSuchFileException e) {
                throw bad(file, "registerFile: " + rf + " does not exist");
            } catch (IOException e) {
                throw bad(file, "registerFile: cannot read " + rf + ": " + e.getMessage());
            }
        } else {
            throw bad(file, "needs \"register\" or \"registerFile\"");
        }
        if (root.has("base")) {
            register = withBase(file, register.deepCopy(), root.get("base"));
        }
        JsonNode expectNode = root.path("expect");
        if (!expectNode.isObject()) {
            throw bad(file, "expect: an object of expectations by agreement id");
        }
        Map<String, Expectation> expect = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expectNode.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            expect.put(e.getKey(), expectation(file, e.getKey(), e.getValue()));
        }
        try {
            return new Scenario(name, file.toString(), asOf, MAPPER.writeValueAsString(register), expect,
                    registerSource.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode withBase(Path file, JsonNode register, JsonNode base) {
        if (!base.isObject()) {
            throw bad(file, "base: an object of agreement fields");
        }
        JsonNode agreements = register.isArray() ? register : register.path("agreements");
        if (agreements instanceof ArrayNode array) {
            for (JsonNode a : array) {
                if (a instanceof ObjectNode o) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = base.fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> f = it.next();
                        if (!o.has(f.getKey())) {
                            o.set(f.getKey(), f.getValue().deepCopy());
                        }
                    }
                }
            }
        }
        return register;
    }

    private static Expectation expectation(Path file, String id, JsonNode n) {
        if (!n.isObject()) {
            throw bad(file, "expect." + id + ": an object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!EXPECT_KEYS.contains(k)) {
                throw bad(file, "expect." + id + "." + k + ": not a check; the checks are " + new TreeSet<>(EXPECT_KEYS));
            }
        }
        Outcome outcome = null;
        if (n.hasNonNull("outcome")) {
            try {
                outcome = Outcome.valueOf(n.get("outcome").asText());
            } catch (IllegalArgumentException e) {
                throw bad(file, "expect." + id + ".outcome: \"" + n.get("outcome").asText() + "\" is not one of "
                        + List.of(Outcome.values()));
            }
        }
        return new Expectation(outcome, list(file, id, n, "redFlags"), list(file, id, n, "missing"),
                n.hasNonNull("decisiveRule") ? n.get("decisiveRule").asText() : null,
                list(file, id, n, "fired"), list(file, id, n, "notFired"), list(file, id, n, "withdrawn"));
    }

    private static List<String> list(Path file, String id, JsonNode n, String key) {
        if (!n.hasNonNull(key)) {
            return null;
        }
        if (!n.get(key).isArray()) {
            throw bad(file, "expect." + id + "." + key + ": a list of strings");
        }
        List<String> out = new ArrayList<>();
        n.get(key).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String text(Path file, JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.isTextual()) {
            throw bad(file, key + ": required, a string");
        }
        return v.asText();
    }

    private static DsaRulesException bad(Path file, String message) {
        return new DsaRulesException(file + ": " + message);
    }

    /** Runs a scenario: audits its register as of its date and checks each expectation. */
    public static ScenarioResult run(DsaRules rules, Scenario s) {
        AuditResult audit;
        try {
            audit = rules.audit(new ByteArrayInputStream(s.register().getBytes(StandardCharsets.UTF_8)),
                    s.registerSource(), s.asOf());
        } catch (DsaRulesException e) {
            // A register the reader refuses as a whole (over a parser limit, say) fails this scenario
            // only, naming the register's own file; the other scenarios still run.
            AuditResult none = new AuditResult(rules.knowledgeBaseInfo(), s.asOf(), TraceLevel.FULL, null, List.of(),
                    List.of(), Summary.of(List.of(), 0));
            return new ScenarioResult(s, List.of(new Failure("(register)", "register", "a register the rules can read",
                    e.getMessage())), none);
        }
        Map<String, Decision> byId = new TreeMap<>();
        audit.decisions().forEach(d -> byId.put(d.dsaId(), d));
        Map<String, RecordError> errorsById = new TreeMap<>();
        audit.errors().stream().filter(e -> e.dsaId() != null).forEach(e -> errorsById.putIfAbsent(e.dsaId(), e));
        List<Failure> failures = new ArrayList<>();
        s.expect().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String id = entry.getKey();
            Expectation x = entry.getValue();
            Decision d = byId.get(id);
            if (d == null) {
                RecordError err = errorsById.get(id);
                failures.add(new Failure(id, "decision", "a decision",
                        err == null ? "no agreement with this id" : "an error: " + err.message()));
                return;
            }
            check(failures, id, "outcome", x.outcome(), d.outcome());
            check(failures, id, "decisiveRule", x.decisiveRule(), d.decisiveRule());
            if (x.redFlags() != null) {
                check(failures, id, "redFlags", new TreeSet<>(x.redFlags()), new TreeSet<>(d.redFlags()));
            }
            if (x.missing() != null) {
                check(failures, id, "missing", new TreeSet<>(x.missing()), new TreeSet<>(d.missing()));
            }
            Set<String> fired = new TreeSet<>();
            Set<String> kept = new TreeSet<>();
            for (TraceStep step : d.trace()) {
                fired.add(step.rule());
                if (step.explanation() == null || !step.explanation().contains(WITHDRAWN_MARK)) {
                    kept.add(step.rule());
                }
            }
            // A rule name that the knowledge base does not have would make a notFired check pass
            // whatever the rules do, and a fired check fail for the wrong reason: both are failures.
            Set<String> known = rules.knowledgeBase().rules().keySet();
            for (String check : List.of("fired", "notFired", "withdrawn", "decisiveRule")) {
                List<String> named = switch (check) {
                    case "fired" -> x.fired();
                    case "notFired" -> x.notFired();
                    case "withdrawn" -> x.withdrawn();
                    default -> x.decisiveRule() == null ? null : List.of(x.decisiveRule());
                };
                for (String rule : named == null ? List.<String>of() : named) {
                    if (!known.contains(rule)) {
                        failures.add(new Failure(id, check, "a rule of the knowledge base", "no rule is named \""
                                + rule + "\"" + Suggest.nearest(rule, known).map(n -> " (did you mean \"" + n + "\"?)")
                                        .orElse("")));
                    }
                }
            }
            if (x.fired() != null) {
                Set<String> absent = new TreeSet<>(x.fired());
                absent.removeAll(fired);
                if (!absent.isEmpty()) {
                    failures.add(new Failure(id, "fired", "to fire: " + absent, "did not fire"));
                }
            }
            if (x.notFired() != null) {
                Set<String> present = new TreeSet<>(x.notFired());
                present.retainAll(fired);
                if (!present.isEmpty()) {
                    failures.add(new Failure(id, "notFired", "not to fire: " + present, "fired"));
                }
            }
            if (x.withdrawn() != null) {
                for (String rule : new TreeSet<>(x.withdrawn())) {
                    if (!known.contains(rule)) {
                        continue;
                    }
                    if (!fired.contains(rule)) {
                        failures.add(new Failure(id, "withdrawn", "to fire and be withdrawn: " + rule, "did not fire"));
                    } else if (kept.contains(rule)) {
                        failures.add(new Failure(id, "withdrawn", "to fire and be withdrawn: " + rule,
                                "fired and what it inserted stayed"));
                    }
                }
            }
        });
        return new ScenarioResult(s, failures, audit);
    }

    private static void check(List<Failure> failures, String id, String what, Object expected, Object actual) {
        if (expected != null && !expected.equals(actual)) {
            failures.add(new Failure(id, what, String.valueOf(expected), String.valueOf(actual)));
        }
    }
}
