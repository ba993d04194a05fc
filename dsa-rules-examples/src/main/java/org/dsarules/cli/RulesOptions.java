package org.dsarules.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.DsaRules;
import picocli.CommandLine.Option;

/** Which rules to use: the default knowledge base, with overlays or instead of it, less disabled rules. */
final class RulesOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Add every .drl file under DIR to the default rules (repeatable).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--rules-only", paramLabel = "DIR",
            description = "Use the .drl files under DIR instead of the default rules.")
    Path rulesOnly;

    @Option(names = "--disable", paramLabel = "RULE",
            description = "Switch off a rule by its name (repeatable).")
    List<String> disable = new ArrayList<>();

    DsaRules build() {
        DsaRules.Builder b = DsaRules.builder();
        rules.forEach(b::rules);
        if (rulesOnly != null) {
            b.rulesOnly(rulesOnly);
        }
        disable.forEach(b::disable);
        return b.build();
    }
}
