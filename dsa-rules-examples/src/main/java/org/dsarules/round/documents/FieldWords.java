package org.dsarules.round.documents;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsarules.round.FieldPaths;

/**
 * A register field as a letter to another organisation names it: words first, then the field's own path in
 * brackets, which is the column the questionnaire and the register use ("the date it was signed (signedOn)").
 * The LMC's letter lists the facts that differ between practices; an ICB officer reads words, and fills in
 * columns.
 */
final class FieldWords {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("status", "whether it is signed or a new request"),
            Map.entry("signedOn", "the date it was signed"),
            Map.entry("reviewDue", "its review date"),
            Map.entry("practiceRole", "the practice's role"),
            Map.entry("purposes", "what the data is used for"),
            Map.entry("legalRequirement.kind", "the kind of legal requirement"),
            Map.entry("legalRequirement.reference", "the instrument said to require it"),
            Map.entry("legalRequirement.expiresOn", "the date that requirement ends"),
            Map.entry("commonLawBasis", "the common-law basis"),
            Map.entry("commonLawBasisExpires", "the date the common-law basis ends"),
            Map.entry("identifiability", "the form of the data"),
            Map.entry("nationalDataOptOutApplied", "whether national data opt-outs are honoured"),
            Map.entry("type1OptOutApplied", "whether Type 1 opt-outs are honoured"),
            Map.entry("commercialAccess", "whether a commercial organisation can access the data"),
            Map.entry("article6Bases", "the lawful basis (UK GDPR Article 6)"),
            Map.entry("article9Conditions", "the condition for health data (UK GDPR Article 9)"),
            Map.entry("dpiaProvided", "whether the data protection impact assessment has been provided"),
            Map.entry("icbAssessment.status", "where the ICB's assessment stands"),
            Map.entry("icbAssessment.conclusion", "the ICB's conclusion"),
            Map.entry("icbAssessment.requestedOn", "when the ICB was asked"),
            Map.entry("icbAssessment.receivedOn", "when the ICB replied"),
            Map.entry("lmcAdvice", "the LMC's advice"));

    private static final Map<String, String> PARTY_WORDS = Map.of(
            "name", "name",
            "kind", "kind of organisation",
            "role", "role",
            "instructedBy", "instructions (whose it follows)",
            "directCareProvider", "whether it provides direct care");

    private static final Pattern PARTY = Pattern.compile("parties\\[([0-9]+)\\]\\.(.*)");

    private FieldWords() {
    }

    /** The field at {@code path} in words, with the path in brackets; the path alone when it has no words here. */
    static String of(String path) {
        String words = WORDS.get(path);
        Matcher m = PARTY.matcher(path);
        if (words == null && m.matches() && PARTY_WORDS.containsKey(m.group(2))) {
            words = "organisation " + (Integer.parseInt(m.group(1)) + 1) + "'s " + PARTY_WORDS.get(m.group(2));
        }
        return words == null ? path : words + " (" + path + ")";
    }

    /**
     * A practice's value of {@code path} as the letter shows it. A placeholder word the practice typed for "not
     * known" ("TBC", "N/A") in one of the two text fields that keep it (record-format v1.2) is said to be not
     * known, with the word typed, so that no reader takes "TBC" for an instrument. A list's items are joined with
     * commas, since the letter separates the practices' values with semicolons.
     */
    static String value(String path, String value) {
        if (value == null || value.isBlank()) {
            return "not known";
        }
        // FieldPaths.asRead is the one reading of a placeholder: typed, but read as not known
        if (FieldPaths.asRead(path, value) == null) {
            return "not known (the register says \"" + value.strip() + "\")";
        }
        return value.replace("; ", ", ");
    }
}
