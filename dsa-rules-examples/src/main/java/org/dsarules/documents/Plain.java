package org.dsarules.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dsarules.decision.Outcome;
import org.dsarules.model.CommonLawBasis;
import org.dsarules.model.Identifiability;
import org.dsarules.model.PartyKind;
import org.dsarules.model.PartyRole;
import org.dsarules.model.Purpose;
import org.dsarules.model.RequirementKind;
import org.dsarules.model.Status;
import org.dsarules.text.Sanitiser;

/**
 * The words the reports use for the format's codes: one place, so that every document says the same
 * thing the same way. Two registers: {@code describe...} for the practice and the ICB (may name the
 * law), {@code patient...} for the patient participation group (no legal references, no codes).
 */
final class Plain {
    private Plain() {
    }

    static final String NOT_KNOWN = "not known";

    static String outcome(Outcome o) {
        return switch (o) {
            case WITHDRAW -> "Withdraw";
            case REFER_TO_BMA -> "Refer to the BMA";
            case ASK_ICB_FOR_INFORMATION -> "Ask the ICB";
            case KEEP -> "Keep";
        };
    }

    /** A CSS class name for an outcome: fixed words, never register data. */
    static String css(Outcome o) {
        return switch (o) {
            case WITHDRAW -> "withdraw";
            case REFER_TO_BMA -> "refer";
            case ASK_ICB_FOR_INFORMATION -> "ask";
            case KEEP -> "keep";
        };
    }

    /** Most urgent first: what the practice must act on before what it may leave as it is. */
    static int urgency(Outcome o) {
        return switch (o) {
            case WITHDRAW -> 0;
            case REFER_TO_BMA -> 1;
            case ASK_ICB_FOR_INFORMATION -> 2;
            case KEEP -> 3;
        };
    }

    static String status(Status s) {
        if (s == null) {
            return NOT_KNOWN;
        }
        return switch (s) {
            case EXISTING -> "existing agreement (signed)";
            case NEW_REQUEST -> "new request (not signed)";
        };
    }

    static String purpose(Purpose p) {
        return switch (p) {
            case DIRECT_CARE -> "direct care";
            case RESEARCH -> "research";
            case SERVICE_PLANNING -> "service planning";
            case POPULATION_HEALTH_MANAGEMENT -> "population health management";
            case RISK_STRATIFICATION -> "risk stratification";
            case COMMISSIONING -> "commissioning";
            case PAYMENT_AND_CONTRACT_MONITORING -> "payment and contract monitoring";
            case PUBLIC_HEALTH_SURVEILLANCE -> "public health surveillance";
            case REGULATION_AND_INSPECTION -> "regulation and inspection";
            case PRODUCT_DEVELOPMENT -> "product development";
            case OTHER_SECONDARY -> "other secondary uses";
        };
    }

    static String purposes(List<Purpose> ps) {
        if (ps == null || ps.isEmpty()) {
            return NOT_KNOWN;
        }
        return ps.stream().map(Plain::purpose).collect(Collectors.joining(", "));
    }

    static String requirementKind(RequirementKind k) {
        return switch (k) {
            case NONE -> "none";
            case STATUTORY_DIRECTION -> "statutory direction";
            case COPI_NOTICE -> "COPI notice";
            case GP_CONTRACT -> "GP contract";
            case COURT_ORDER -> "court order";
            case OTHER_STATUTE -> "other statute";
        };
    }

    static String identifiability(Identifiability i) {
        if (i == null) {
            return NOT_KNOWN;
        }
        return switch (i) {
            case IDENTIFIABLE -> "identifiable";
            case PSEUDONYMISED -> "pseudonymised";
            case ANONYMISED_AGGREGATE -> "anonymised aggregate";
        };
    }

    static String commonLaw(CommonLawBasis c) {
        return switch (c) {
            case IMPLIED_CONSENT_DIRECT_CARE -> "implied consent for direct care";
            case EXPLICIT_CONSENT -> "explicit consent";
            case SECTION_251_SUPPORT -> "section 251 support";
            case LEGAL_REQUIREMENT -> "a legal requirement";
            case OVERRIDING_PUBLIC_INTEREST -> "an overriding public interest";
            case NOT_CONFIDENTIAL -> "that the data is not confidential";
            case NONE_STATED -> "none stated";
        };
    }

    /** A missing fact in words, for the practice and the ICB: what the register does not say. */
    static String missing(String field) {
        return switch (field) {
            case "status" -> "whether it is signed or a new request";
            case "practiceRole" -> "the practice's own role";
            case "parties" -> "the organisations involved";
            case "role" -> "an organisation's role";
            case "instructedBy" -> "whose instructions a processor follows";
            case "legalRequirement" -> "whether a law or contract requires the sharing";
            case "legalRequirement.reference" -> "the instrument said to require it";
            case "purposes" -> "what the data is used for";
            case "directCareProvider" -> "whether each recipient provides direct care";
            case "identifiability" -> "the form of the data";
            case "commonLawBasis" -> "the common-law basis";
            case "commercialAccess" -> "whether a commercial organisation can access it";
            case "article6Bases" -> "the lawful basis (Article 6)";
            case "article9Conditions" -> "the condition for health data (Article 9)";
            case "nationalDataOptOutApplied" -> "whether national data opt-outs are honoured";
            case "type1OptOutApplied" -> "whether Type 1 opt-outs are honoured";
            case "dpiaProvided" -> "the data protection impact assessment";
            default -> "a fact the rules in use need";
        };
    }

    /** Several missing facts in words, in their order, each once. */
    static String missing(List<String> fields) {
        return fields.stream().map(Plain::missing).distinct().collect(Collectors.joining("; "));
    }

    private static final DateTimeFormatter IN_WORDS =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A date as a letter writes it: "1 December 2026". */
    static String date(LocalDate d) {
        return d == null ? NOT_KNOWN : IN_WORDS.format(d);
    }

    static String yesNo(Boolean b) {
        return b == null ? NOT_KNOWN : b ? "yes" : "no";
    }

    static String enumWords(Enum<?> e) {
        return e == null ? NOT_KNOWN : e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String role(PartyRole r) {
        return r == PartyRole.SUB_PROCESSOR ? "sub-processor" : enumWords(r);
    }

    static String kind(PartyKind k) {
        if (k == PartyKind.ICB || k == PartyKind.NHS_ENGLAND) {
            return k == PartyKind.ICB ? "ICB" : "NHS England";
        }
        if (k == PartyKind.GP_PRACTICE) {
            return "GP practice";
        }
        if (k == PartyKind.GP_SYSTEM_SUPPLIER) {
            return "GP system supplier";
        }
        if (k == PartyKind.NHS_PROVIDER) {
            return "NHS provider";
        }
        return enumWords(k);
    }

    // A red flag's words (for the practice, for patients, for the ICB) are in the metadata of the rule that
    // raises it: FlagWords reads them, so a local rule's flag speaks its own words.

    /** What a missing field is, for patients: "we do not yet know ...". */
    static String patientMissing(String field) {
        return switch (field) {
            case "status" -> "whether the practice has signed it";
            case "practiceRole", "role", "parties", "instructedBy" -> "exactly who is responsible for the information";
            case "legalRequirement", "legalRequirement.reference" -> "whether the law requires us to share it";
            case "purposes" -> "what the information is used for";
            case "directCareProvider" -> "whether everyone who sees it is caring for you";
            case "identifiability" -> "whether the information could identify you";
            case "commonLawBasis", "article6Bases", "article9Conditions" -> "what legal grounds it relies on";
            case "commercialAccess" -> "whether any commercial company could get access to it";
            case "nationalDataOptOutApplied", "type1OptOutApplied" -> "whether patients' opt-out choices are respected";
            case "dpiaProvided" -> "whether the risks to your privacy have been properly assessed";
            default -> "some details of the agreement";
        };
    }

    static String patientPurpose(Purpose p) {
        return switch (p) {
            case DIRECT_CARE -> "your care";
            case RESEARCH -> "research";
            case SERVICE_PLANNING -> "planning local health services";
            case POPULATION_HEALTH_MANAGEMENT -> "studying the health of the local population";
            case RISK_STRATIFICATION -> "finding patients who may need extra support";
            case COMMISSIONING -> "deciding which services the NHS pays for";
            case PAYMENT_AND_CONTRACT_MONITORING -> "checking payments and contracts";
            case PUBLIC_HEALTH_SURVEILLANCE -> "tracking diseases and public health";
            case REGULATION_AND_INSPECTION -> "inspection of health services";
            case PRODUCT_DEVELOPMENT -> "developing products";
            case OTHER_SECONDARY -> "other uses beyond your care";
        };
    }

    /**
     * Escapes text for Markdown so that register data shows as written: no markup, no raw HTML, no
     * link made of a bare URL, no control character. See {@link Sanitiser#markdown}.
     */
    static String md(String s) {
        return Sanitiser.markdown(s);
    }

    /** One line of plain text, safe for a terminal. See {@link Sanitiser#line}. */
    static String line(String s) {
        return Sanitiser.line(s);
    }
}
