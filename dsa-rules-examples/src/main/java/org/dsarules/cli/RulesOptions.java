package org.dsarules.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.exception.UnknownRuleException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which rules to use: the default knowledge base, with overlays or instead of it, less disabled rules. */
final class RulesOptions implements Inputs.Source {
    /** The command this mixin is part of: a misspelt --disable is its option error. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--rules", paramLabel = "DIR",
            description = {"Add every .drl file under DIR to the default rules (repeatable; hidden files and folders"
                + " are ignored). Rule files are trusted code: their consequences are Java that runs with your"
                + " rights, so use only rule files whose author you trust."})
    List<Path> rules = new ArrayList<>();

    @Option(names = "--rules-only", paramLabel = "DIR",
            description = "Use the .drl files under DIR instead of the default rules (trusted code, as for --rules).")
    Path rulesOnly;

    @Option(names = "--disable", paramLabel = "RULE",
            description = "Switch off a rule by its name (repeatable).")
    List<String> disable = new ArrayList<>();

    @Option(names = "--rule-timeout", paramLabel = "TIME",
            description = {"The most the rules may take to decide one agreement (such as 30s, 500ms, 2m; none for no"
                + " limit). An agreement not decided in time is an error (RULE_TIMEOUT) naming the rule that was"
                + " running, and the others are still decided. Default: 60s with --rules or --rules-only"
                + " (a local rule's code may loop), none with the default rules alone."})
    String ruleTimeout;

    /** The catalogue of known programmes: --catalogue FILE, --no-catalogue. */
    @picocli.CommandLine.Mixin
    CatalogueOptions catalogue = new CatalogueOptions();

    /**
     * The files these options read that --out must never replace (issue 27 item 2): each --catalogue file. (A
     * --rules folder is read for its .drl files; an output written into it is a new file, not one it read.)
     */
    @Override
    public List<Path> inputFiles() {
        return List.copyOf(catalogue.files);
    }

    /** The default limit when local rules are used: far above any real decision (milliseconds). */
    static final Duration LOCAL_RULES_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The rules, after printing to standard error every warning about rules compiled at run time that can
     * never fire as written ({@code dsa-audit rules --lint} lists them; the build goes on).
     */
    DsaRules build() {
        DsaRules built = buildQuietly();
        if (!built.knowledgeBase().lintWarnings().isEmpty()) {
            java.io.PrintWriter err = org.dsarules.text.Sanitiser.terminal(mixee.commandLine().getErr());
            built.knowledgeBase().lintWarnings().forEach(w -> err.println("dsa-audit: " + w));
            err.flush();
        }
        return built;
    }

    /** The rules, without printing their warnings (for a command that reports them itself). */
    DsaRules buildQuietly() {
        DsaRules.Builder b = DsaRules.builder();
        b.ruleTimeout(timeout());
        rules.forEach(b::rules);
        if (rulesOnly != null) {
            b.rulesOnly(rulesOnly);
        }
        disable.forEach(b::disable);
        catalogue.apply(b, org.dsarules.text.Sanitiser.terminal(mixee.commandLine().getErr()));
        try {
            return b.build();
        } catch (UnknownRuleException e) {
            // A name given on the command line that no rule has: the options are wrong, not the rules.
            throw new ParameterException(mixee.commandLine(), "--disable: " + e.getMessage());
        }
    }

    /** The time limit asked for, or the default for the rules in use; null for none. */
    private Duration timeout() {
        if (ruleTimeout == null) {
            return rules.isEmpty() && rulesOnly == null ? null : LOCAL_RULES_TIMEOUT;
        }
        String t = ruleTimeout.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("none") || t.equals("0")) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,9})\\s*(ms|s|m)?").matcher(t);
        if (m.matches() && Long.parseLong(m.group(1)) > 0) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
        throw new ParameterException(mixee.commandLine(), "--rule-timeout: \"" + ruleTimeout + "\" is not a time:"
                + " write a whole number with ms, s or m (500ms, 30s, 2m), or none for no limit");
    }
}
