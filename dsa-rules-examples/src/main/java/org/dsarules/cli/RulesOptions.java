package org.dsarules.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.exception.UnknownRuleException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which rules to use: the default knowledge base, with overlays or instead of it, less disabled rules. */
final class RulesOptions {
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
        rules.forEach(b::rules);
        if (rulesOnly != null) {
            b.rulesOnly(rulesOnly);
        }
        disable.forEach(b::disable);
        try {
            return b.build();
        } catch (UnknownRuleException e) {
            // A name given on the command line that no rule has: the options are wrong, not the rules.
            throw new ParameterException(mixee.commandLine(), "--disable: " + e.getMessage());
        }
    }
}
