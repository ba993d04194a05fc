package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.DsaRules;
import org.dsarules.model.Agreement;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/authoring.md is tested: its DRL compiles beside the default rules, and its field table is the model's. */
class AuthoringGuideTest {
    static final Path GUIDE = Path.of("../docs/authoring.md");
    private static final Pattern DRL_BLOCK = Pattern.compile("(?s)```drl\\n(.*?)```");

    @Test
    void everyDrlSnippetOfTheGuideCompilesBesideTheDefaultRules(@TempDir Path dir) throws Exception {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        Matcher m = DRL_BLOCK.matcher(guide);
        int n = 0;
        while (m.find()) {
            Files.writeString(dir.resolve("snippet-" + (++n) + ".drl"), m.group(1));
        }
        assertEquals(7, n, "the guide's ```drl blocks (sections 3, 4 a (with the advisory marker) to d, and 5)");
        // One compile for all of them, with the default rules: names must not clash with those either.
        DsaRules rules = DsaRules.builder().rules(dir).build();
        for (String rule : List.of("westvale-lmc-keep-list-example", "rf-local-offshore-processing", "rf-local-analytics-marker",
                "ask-caldicott-guardian-approval", "westvale-keep-public-health-feed", "westvale-ask-cprd-opt-out-evidence",
                "campaign-gpc-2026-06-in-force",
                "campaign-gpc-2026-06-not-yet-in-force", "refer-icb-silent")) {
            assertTrue(rules.knowledgeBase().rules().containsKey(rule), rule);
        }
        assertTrue(!guide.contains("```\nrule "), "every DRL example is a ```drl block, so this test compiles it");
        // The guide's examples are the rules authors copy: none may be one the lint warns about.
        assertEquals(List.of(), rules.knowledgeBase().lintWarnings());
    }

    @Test
    void theFieldTableListsEveryFieldWithItsTypeAndAllowedValues() throws Exception {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String table = guide.substring(guide.indexOf("### The fields of an agreement"), guide.indexOf("## 3."));
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : table.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Matcher names = Pattern.compile("`([\\w.]+)`").matcher(cells[1]);
            while (names.find()) {
                rows.put(names.group(1), new String[] {cells[2].strip(), cells[3].strip()});
            }
        }
        List<String> problems = new ArrayList<>();
        check(problems, rows, "", Agreement.class);
        check(problems, rows, "Party.", Party.class);
        check(problems, rows, "legalRequirement.", LegalRequirement.class);
        check(problems, rows, "icbAssessment.", IcbAssessment.class);
        assertEquals(List.of(), problems);
    }

    private static void check(List<String> problems, Map<String, String[]> rows, String prefix, Class<?> type) {
        for (RecordComponent rc : type.getRecordComponents()) {
            String field = prefix + rc.getName();
            String[] row = rows.get(field);
            if (row == null) {
                // A nested record's own simple fields may be listed in its parent's row.
                String parent = prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1);
                if (parent != null && rows.containsKey(parent) && !rc.getType().isEnum()
                        && rows.get(parent)[1].contains("`" + rc.getName() + "`")) {
                    continue;
                }
                problems.add(field + ": not in the guide's field table");
                continue;
            }
            String written = row[0].replace("`", "");
            String actual = name(rc.getGenericType());
            if (!written.equals(actual)) {
                problems.add(field + ": the guide says " + written + ", the model has " + actual);
            }
            Class<?> element = rc.getType();
            if (rc.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                element = c;
            }
            if (element.isEnum()) {
                List<String> listed = new ArrayList<>();
                Matcher v = Pattern.compile("`(\\w+)`").matcher(row[1]);
                while (v.find()) {
                    listed.add(v.group(1));
                }
                List<String> constants = Arrays.stream(element.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
                if (!listed.equals(constants)) {
                    problems.add(field + ": the guide lists " + listed + ", " + element.getSimpleName() + " has " + constants);
                }
            }
        }
    }

    private static String name(Type t) {
        if (t instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).getSimpleName() + "<" + name(p.getActualTypeArguments()[0]) + ">";
        }
        return ((Class<?>) t).getSimpleName();
    }
}
