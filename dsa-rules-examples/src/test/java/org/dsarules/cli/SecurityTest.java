package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code SECURITY.md} true where a test can check it: what the core library's sources may not do,
 * that a register's text never loads rules, that an audit opens no network connection, the parser limits
 * the document states, and that the input file is never modified.
 */
class SecurityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SAMPLE = AuditCommandTest.SAMPLE;
    private static final Path CORE_SOURCES = Path.of("../dsa-rules-core/src/main/java");
    private static final String AS_OF = "2026-06-15";

    /** A rule file that compiles and cites a source: loaded, it would change the knowledge base's fingerprint. */
    private static final String EVIL_DRL = """
            package org.dsarules.local.evil;
            import org.dsarules.model.*;

            rule "evil-from-the-register"
                @citation("a register must never be able to load a rule")
            when
                Agreement( )
            then
            end
            """;

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- (a) what the core's sources may not do

    @Test
    void coreSourcesOpenNoNetworkConnectionAndUseNoPolymorphicTyping() throws IOException {
        assertTrue(Files.isDirectory(CORE_SOURCES), "run from the examples module: " + CORE_SOURCES.toAbsolutePath());
        List<String> forbidden = List.of("java.net.Socket", "java.net.ServerSocket", "java.net.DatagramSocket",
                "java.net.URLConnection", "HttpURLConnection", "openConnection", "openStream", "HttpClient",
                "java.net.http", "SocketChannel", "enableDefaultTyping", "activateDefaultTyping",
                "activateDefaultTypingAsProperty", "JsonTypeInfo", "PolymorphicTypeValidator", "ObjectInputStream",
                "readObject(", "XStream");
        List<Path> sources;
        try (Stream<Path> s = Files.walk(CORE_SOURCES)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(sources.size() > 20, "the core's sources were found: " + sources.size());
        List<String> found = new ArrayList<>();
        for (Path p : sources) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            for (String f : forbidden) {
                if (text.contains(f)) {
                    found.add(CORE_SOURCES.relativize(p) + " mentions " + f);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theRegisterReaderUsesExplicitStreamReadConstraints() throws IOException {
        String jsonTree = Files.readString(CORE_SOURCES.resolve("org/dsarules/register/json/JsonTree.java"));
        for (String s : List.of("MAX_STRING_LENGTH = 1_000_000", "MAX_NESTING_DEPTH = 100",
                "MAX_NUMBER_LENGTH = 100", "MAX_NAME_LENGTH = 1_000", ".maxStringLength(MAX_STRING_LENGTH)",
                ".maxNestingDepth(MAX_NESTING_DEPTH)", ".maxNumberLength(MAX_NUMBER_LENGTH)",
                ".maxNameLength(MAX_NAME_LENGTH)")) {
            assertTrue(jsonTree.contains(s), "JsonTree sets " + s);
        }
        String parser = Files.readString(CORE_SOURCES.resolve("org/dsarules/register/Fields.java"));
        assertTrue(parser.contains("MAX_LIST_SIZE = 1_000"), "1,000 parties or purposes a record");
    }

    // ---------------------------------------------------------------- the limits SECURITY.md states, at their edges

    @Test
    void aStringOfAMillionCharactersIsReadAndOneMoreIsRefused() throws IOException {
        Path ok = write("string-ok.json", register("\"notes\": \"" + "x".repeat(1_000_000) + "\""));
        AuditCommandTest.Run r = audit(ok);
        assertEquals(0, r.status(), r.err());

        Path tooLong = write("string-too-long.json", register("\"notes\": \"" + "x".repeat(1_000_001) + "\""));
        AuditCommandTest.Run t = audit(tooLong);
        assertEquals(2, t.status(), t.err());
        assertTrue(t.err().contains("a string longer than 1,000,000 characters"), t.err());
    }

    @Test
    void nestingOfAHundredIsReadAndOneMoreIsRefused() throws IOException {
        // The register's object, "agreements" and the record are 3 levels: 97 more lists make 100.
        Path ok = write("depth-100.json", register("\"notes\": " + "[".repeat(97) + "]".repeat(97)));
        AuditCommandTest.Run r = audit(ok);
        assertEquals(1, r.status(), "a record error (notes is not a string), not a parser limit: " + r.err());
        assertTrue(MAPPER.readTree(r.out()).get("errors").get(0).get("message").asText().contains("found a list"));

        Path deep = write("depth-101.json", register("\"notes\": " + "[".repeat(98) + "]".repeat(98)));
        AuditCommandTest.Run t = audit(deep);
        assertEquals(2, t.status(), t.err());
        assertTrue(t.err().contains("nesting deeper than 100"), t.err());
    }

    @Test
    void aThousandPartiesAreReadAndOneMoreIsARecordError() throws IOException {
        String thousand = String.join(",", Collections.nCopies(1_000, "{\"name\": \"p\"}"));
        AuditCommandTest.Run r = audit(write("parties-1000.json", register("\"parties\": [" + thousand + "]")));
        assertEquals(0, r.status(), r.err());

        AuditCommandTest.Run t = audit(write("parties-1001.json",
                register("\"parties\": [" + thousand + ", {\"name\": \"one more\"}]")));
        assertEquals(1, t.status(), t.err());
        JsonNode e = MAPPER.readTree(t.out()).get("errors").get(0);
        assertEquals("parties", e.get("field").asText());
        assertTrue(e.get("message").asText().contains("at most 1,000"), e.toString());
    }

    // ---------------------------------------------------------------- (b) a register never loads rules

    @Test
    void ruleTextOrARulePathInARegisterLoadsNoRule() throws Exception {
        Path rulesDir = Files.createDirectories(dir.resolve("evil-rules"));
        Path evil = rulesDir.resolve("evil.drl");
        Files.writeString(evil, EVIL_DRL);
        String defaultFingerprint = DsaRules.defaults().knowledgeBaseInfo().fingerprint();
        // The premise: were this file loaded, the fingerprint would show it.
        assertNotEquals(defaultFingerprint, DsaRules.builder().rules(rulesDir).build().knowledgeBaseInfo().fingerprint());

        ObjectNode register = (ObjectNode) MAPPER.readTree(SAMPLE.toFile());
        register.put("rules", evil.toString());
        register.put("rulesOnly", rulesDir.toString());
        register.put("--rules", rulesDir.toString());
        register.putObject("knowledgeBase").put("rules", evil.toString()).put("drl", EVIL_DRL);
        for (JsonNode a : (ArrayNode) register.get("agreements")) {
            ((ObjectNode) a).put("notes", "See " + evil + " and " + rulesDir + " and file://" + evil + "\n" + EVIL_DRL);
        }
        Path withRules = dir.resolve("register-with-rule-text.json");
        MAPPER.writeValue(withRules.toFile(), register);

        AuditCommandTest.Run plain = AuditCommandTest.run("audit", SAMPLE.toString(), "--format", "json", "--as-of", AS_OF);
        AuditCommandTest.Run tainted = AuditCommandTest.run("audit", withRules.toString(), "--format", "json", "--as-of", AS_OF);
        assertEquals(0, tainted.status(), tainted.err());
        JsonNode a = MAPPER.readTree(plain.out());
        JsonNode b = MAPPER.readTree(tainted.out());
        assertEquals(defaultFingerprint, b.get("knowledgeBase").get("fingerprint").asText());
        assertEquals(a.get("knowledgeBase"), b.get("knowledgeBase"));
        assertEquals("dsa-rules-kb", b.get("knowledgeBase").get("name").asText(), "no overlay");
        assertEquals(a.get("decisions"), b.get("decisions"), "the decisions are unchanged");
        assertFalse(tainted.out().contains("evil-from-the-register"), "the rule never fired");
    }

    @Test
    void theDefaultKnowledgeBaseComesFromTheJarsDescriptor() {
        DsaRules rules = DsaRules.defaults();
        assertEquals("dsa-rules-kb", rules.knowledgeBaseInfo().name());
        assertFalse(rules.knowledgeBase().sources().isEmpty());
        rules.knowledgeBase().sources().forEach(s -> {
            assertTrue(s.name().startsWith("org/dsarules/kb/") && s.name().endsWith(".drl"),
                    "a class path resource of the kb jar, not a file: " + s.name());
            assertTrue(DsaRules.class.getClassLoader().getResource(s.name()) != null, s.name());
        });
    }

    // ---------------------------------------------------------------- (c) no network connection

    /** Records every URI the JVM asks a proxy for; a Java network connection asks before it connects. */
    private static final class RecordingProxySelector extends ProxySelector {
        final List<URI> asked = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<Proxy> select(URI uri) {
            asked.add(uri);
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    }

    @Test
    void anAuditOpensNoNetworkConnection() throws Exception {
        ProxySelector saved = ProxySelector.getDefault();
        RecordingProxySelector recorder = new RecordingProxySelector();
        try {
            ProxySelector.setDefault(recorder);
            // The premise: the recorder sees a URL connection and a plain socket (to a closed local port).
            try {
                new URL("http://127.0.0.1:1/").openConnection().connect();
            } catch (IOException expected) {
                // nothing listens there
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", 1), 1_000);
            } catch (IOException expected) {
                // nothing listens there
            }
            assertTrue(recorder.asked.stream().anyMatch(u -> "http".equals(u.getScheme())), recorder.asked.toString());
            assertTrue(recorder.asked.stream().anyMatch(u -> "socket".equals(u.getScheme())), recorder.asked.toString());
            recorder.asked.clear();

            AuditCommandTest.Run json = AuditCommandTest.run("audit", SAMPLE.toString(), "--format", "json", "--as-of", AS_OF);
            assertEquals(0, json.status(), json.err());
            AuditCommandTest.Run text = AuditCommandTest.run("audit", SAMPLE.toString(), "--as-of", AS_OF,
                    "--out", dir.resolve("report.txt").toString());
            assertEquals(0, text.status(), text.err());
            // Rules compiled at run time (an overlay) go through the Drools builder: no network either.
            AuditCommandTest.Run overlay = AuditCommandTest.run("audit", SAMPLE.toString(), "--format", "json",
                    "--as-of", AS_OF, "--rules", "overlays/june-2026-escalation");
            assertEquals(0, overlay.status(), overlay.err());
            assertEquals(List.of(), List.copyOf(recorder.asked), "network connections asked for during an audit");
        } finally {
            ProxySelector.setDefault(saved);
        }
    }

    // ---------------------------------------------------------------- (d) the input is never modified

    @Test
    void theInputIsNeverModifiedWhateverOutNames() throws Exception {
        Path input = dir.resolve("register.json");
        Files.copy(SAMPLE, input);
        Files.setLastModifiedTime(input, FileTime.fromMillis(1_000_000_000_000L));
        byte[] before = Files.readAllBytes(input);

        // --out elsewhere: the report is written, the input untouched.
        AuditCommandTest.Run elsewhere = AuditCommandTest.run("audit", input.toString(), "--format", "json",
                "--as-of", AS_OF, "--out", dir.resolve("report.json").toString());
        assertEquals(0, elsewhere.status(), elsewhere.err());
        assertUnchanged(input, before);

        // --out naming the input, as given, by another spelling, or through a link: refused.
        Files.createDirectories(dir.resolve("sub"));
        List<String> outs = new ArrayList<>(List.of(input.toString(), dir.resolve("sub/../register.json").toString(),
                dir.resolve("./register.json").toString()));
        Path link = dir.resolve("link.json");
        try {
            Files.createSymbolicLink(link, input);
            outs.add(link.toString());
        } catch (UnsupportedOperationException | IOException noLinksHere) {
            link = null; // a file system (or Windows account) without symbolic links: the other spellings remain
        }
        for (String out : outs) {
            for (String format : List.of("json", "text")) {
                AuditCommandTest.Run r = AuditCommandTest.run("audit", input.toString(), "--format", format,
                        "--as-of", AS_OF, "--out", out);
                assertEquals(2, r.status(), out + ": " + r.err());
                assertTrue(r.err().contains("--out would overwrite the input"), r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertUnchanged(input, before);
            }
        }
        if (link != null) {
            assertTrue(Files.isSymbolicLink(link), "the link is left as it was");
        }

        // A bad input with --out naming it: still untouched.
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"agreements\": [ {\"id\": \"A\",, } ]}");
        byte[] badBefore = Files.readAllBytes(bad);
        AuditCommandTest.Run r = AuditCommandTest.run("audit", bad.toString(), "--format", "json", "--out", bad.toString());
        assertEquals(2, r.status());
        assertArrayEquals(badBefore, Files.readAllBytes(bad));

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file is left behind");
        }
    }

    private static void assertUnchanged(Path input, byte[] before) throws IOException {
        assertArrayEquals(before, Files.readAllBytes(input), "the input's bytes");
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(input), "the input's time");
    }

    // ---------------------------------------------------------------- helpers

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** A register of one direct-care agreement with {@code extra} fields. */
    private static String register(String extra) {
        return "{\"agreements\": [{\"id\": \"A\", \"status\": \"EXISTING\", \"purposes\": [\"DIRECT_CARE\"], "
                + extra + "}]}";
    }

    private static AuditCommandTest.Run audit(Path file) {
        return AuditCommandTest.run("audit", file.toString(), "--format", "json", "--as-of", AS_OF);
    }
}
