package org.dsarules.round.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.register.json.RegisterReader;
import org.dsarules.round.AuditedRegister;
import org.dsarules.round.SystemAudit;

/**
 * Two practices made from the sample register, audited with the real rules: the same programmes
 * (every agreement is given a programme), one of which (MB-05) the second practice holds with other
 * facts, so its outcome differs; one agreement the second practice does not hold; a title holding
 * markup, which every document must show as text.
 */
public final class SystemFixtures {
    public static final String MARKUP = "<script>alert(1)</script>";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DsaRules RULES = DsaRules.defaults();

    private SystemFixtures() {
    }

    public static SystemAudit system() throws Exception {
        ObjectNode sample = (ObjectNode) JSON.readTree(Path.of("samples/millbrook-register.json").toFile());
        ObjectNode a = practice(sample, "A00001", "Alder <b>Surgery</b>");
        ObjectNode b = practice(sample, "B00002", "Birch Practice");
        ArrayNode bs = (ArrayNode) b.get("agreements");
        for (int i = 0; i < bs.size(); i++) {
            ObjectNode x = (ObjectNode) bs.get(i);
            if (x.get("id").asText().equals("MB-05")) {
                x.put("commercialAccess", false);
                x.putArray("purposes").add("RESEARCH");
                ((ObjectNode) x.get("parties").get(0)).put("kind", "UNIVERSITY");
            }
        }
        bs.remove(bs.size() - 1);
        ((ObjectNode) a.get("agreements").get(0)).put("title", MARKUP);
        return SystemAudit.of(List.of(audit("alder.json", a), audit("birch.json", b)));
    }

    private static ObjectNode practice(ObjectNode sample, String ods, String name) {
        ObjectNode r = sample.deepCopy();
        ((ObjectNode) r.get("practice")).put("odsCode", ods).put("name", name);
        for (var x : r.get("agreements")) {
            ((ObjectNode) x).put("programme", "Programme " + x.get("id").asText());
        }
        return r;
    }

    private static AuditedRegister audit(String name, ObjectNode register) throws Exception {
        byte[] bytes = JSON.writeValueAsBytes(register);
        return AuditedRegister.of(name, RULES, RegisterReader.defaults().open(new ByteArrayInputStream(bytes), name),
                LocalDate.of(2026, 6, 15));
    }
}
