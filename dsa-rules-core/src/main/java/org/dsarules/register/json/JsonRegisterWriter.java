package org.dsarules.register.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;
import org.dsarules.model.Register;
import org.dsarules.register.RegisterWriter;
import org.dsarules.internal.JacksonSupport;

/**
 * Writes a register as JSON: {@code {"practice": {...}, "agreements": [...]}}, the practice block's
 * other keys as given, each agreement as {@link AgreementCodec} writes it; a register without a
 * practice block as an object without {@code practice}. Pretty-printed, UTF-8.
 */
public final class JsonRegisterWriter implements RegisterWriter {
    private static final ObjectMapper PLAIN = JacksonSupport.mapper();

    @Override
    public void write(Register register, OutputStream out) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        Practice p = register.practice();
        if (p != null) {
            ObjectNode n = root.putObject("practice");
            if (p.odsCode() != null) {
                n.put("odsCode", p.odsCode());
            }
            if (p.name() != null) {
                n.put("name", p.name());
            }
            if (p.icb() != null) {
                n.put("icb", p.icb());
            }
            for (Map.Entry<String, Object> e : p.other().entrySet()) {
                n.set(e.getKey(), PLAIN.valueToTree(e.getValue()));
            }
        }
        ArrayNode agreements = root.putArray("agreements");
        for (Agreement a : register.agreements()) {
            agreements.add(AgreementCodec.toJson(a));
        }
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            PLAIN.writeTree(g, root);
            g.writeRaw('\n');
        }
        out.flush();
    }
}
