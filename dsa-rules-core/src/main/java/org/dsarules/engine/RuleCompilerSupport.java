package org.dsarules.engine;

import java.util.ArrayList;
import java.util.List;
import org.dsarules.exception.DsaRulesException;

/**
 * Whether the jars that compile rule files at run time are on the class path. They are optional
 * dependencies of dsa-rules-core (a consumer of the precompiled rules does not need a Java compiler, a
 * code generator or a parser generator), so asking for an overlay without them must say what to add
 * rather than fail deep inside Drools with a {@link NoClassDefFoundError}.
 */
final class RuleCompilerSupport {
    /** A class of each jar the run-time build needs, and the dependency that brings it. */
    private static final String[][] NEEDED = {
            {"org.drools.model.codegen.ExecutableModelProject", "org.drools:drools-model-codegen"},
            {"org.drools.drl.parser.DrlParser", "org.drools:drools-drl-parser"},
            {"org.eclipse.jdt.internal.compiler.Compiler", "org.eclipse.jdt:ecj"},
            {"org.drools.xml.support.converters.KieModuleMarshaller", "org.drools:drools-xml-support"},
    };

    /** What to add, as a sentence an embedder can act on. */
    static final String HOW_TO_ADD = "add org.drools:drools-engine and org.drools:drools-xml-support (version "
            + "10.2.0, the Drools version of dsa-rules) to your dependencies";

    private RuleCompilerSupport() {
    }

    /** @throws DsaRulesException naming the missing jars when the run-time rule compiler is not on the class path */
    static void require() {
        List<String> missing = new ArrayList<>();
        ClassLoader loader = RuleCompilerSupport.class.getClassLoader();
        for (String[] n : NEEDED) {
            try {
                Class.forName(n[0], false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(n[1]);
            }
        }
        if (!missing.isEmpty()) {
            throw new DsaRulesException("compiling rule files at run time (rules directories, rule texts,"
                    + " rules-only) needs the Drools rule compiler, which is not on the class path (missing "
                    + String.join(", ", missing) + "): " + HOW_TO_ADD);
        }
    }
}
