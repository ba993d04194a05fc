package org.dsarules.documents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dsarules.decision.CatalogueUse;
import org.dsarules.decision.Decision;

/**
 * The one sentence every document that shows a decision gives about the catalogue of known programmes
 * (record-format.md v1.2: "every document that shows the decision says which facts came from the
 * catalogue"): "From the catalogue of known programmes: GDPPR (checked 2026-12-07): purposes, legal
 * requirement, its reference; sources: https://...". Kept in one place so that the reports, the letters and
 * {@code explain} say it alike.
 */
public final class CatalogueLine {
    private CatalogueLine() {
    }

    /** The sentence for {@code d}, or null when no fact of {@code d} came from the catalogue. */
    public static String of(Decision d) {
        CatalogueUse c = d.catalogue();
        if (c == null || c.filled().isEmpty()) {
            return null;
        }
        Set<String> words = new LinkedHashSet<>();
        c.filled().forEach(f -> words.add(words(f)));
        return "From the catalogue of known programmes: " + c.name() + " (checked " + c.checked() + "): "
                + String.join(", ", words) + "; " + (c.sources().size() == 1 ? "source: " : "sources: ")
                + String.join(" ", c.sources()) + ". Information to check, not legal advice.";
    }

    /** The filled field paths in words, each once, in field order. */
    public static List<String> fields(Decision d) {
        List<String> out = new ArrayList<>();
        if (d.catalogue() != null) {
            d.catalogue().filled().stream().map(CatalogueLine::words).distinct().forEach(out::add);
        }
        return out;
    }

    private static String words(String path) {
        String field = path.startsWith("parties[") ? "parties." + path.substring(path.indexOf(']') + 2) : path;
        return switch (field) {
            case "practiceRole" -> "the practice's role";
            case "parties" -> "the organisations involved";
            case "parties.kind" -> "an organisation's kind";
            case "parties.role" -> "an organisation's role";
            case "parties.instructedBy" -> "whose instructions a processor follows";
            case "parties.directCareProvider" -> "whether an organisation provides direct care";
            case "purposes" -> "purposes";
            case "legalRequirement.kind" -> "legal requirement";
            case "legalRequirement.reference" -> "its reference";
            case "legalRequirement.expiresOn" -> "its end date";
            case "article6Bases" -> "the lawful basis (Article 6)";
            case "article9Conditions" -> "the condition for health data (Article 9)";
            case "commonLawBasis" -> "the common-law basis";
            case "commonLawBasisExpires" -> "the end of the common-law basis";
            case "identifiability" -> "the form of the data";
            case "nationalDataOptOutApplied" -> "whether national data opt-outs are honoured";
            case "type1OptOutApplied" -> "whether Type 1 opt-outs are honoured";
            case "commercialAccess" -> "whether a commercial organisation can access it";
            default -> path;
        };
    }
}
