package org.dsarules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.drools.wiring.api.ComponentsSupplier;
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

    /** Drools' service file that drools-wiring-static and drools-wiring-dynamic both carry. */
    static final String WIRING_SERVICE = "META-INF/services/org.drools.wiring.api.ComponentsSupplier";
    private static final String DYNAMIC_WIRING = "org.drools.wiring.dynamic.DynamicComponentsSupplier";

    /** The shade plugin's configuration that keeps every service file's entries, for the message. */
    static final String SHADE_FIX = "<transformer implementation=\"org.apache.maven.plugins.shade.resource."
            + "ServicesResourceTransformer\"/> in the maven-shade-plugin's <transformers> (README, \"Embedding\")";

    /**
     * @throws DsaRulesException naming the missing jars when the run-time rule compiler is not on the class
     *         path, or saying how to shade when it is there but its service file was lost in an uber-jar
     */
    static void require() {
        ClassLoader loader = RuleCompilerSupport.class.getClassLoader();
        require(loader);
        requireServices(loader);
    }

    /**
     * An uber-jar built without merging service files keeps one jar's {@code ComponentsSupplier} file and
     * drops the other's: then Drools' run-time compiler asks for "the module org.drools:drools-wiring-dynamic",
     * which is present. Seen here first, the message says what is really wrong and what to add.
     */
    static void requireServices(ClassLoader loader) {
        boolean dynamicPresent;
        try {
            Class.forName(DYNAMIC_WIRING, false, loader);
            dynamicPresent = true;
        } catch (ClassNotFoundException | LinkageError e) {
            dynamicPresent = false;
        }
        if (!dynamicPresent) {
            return; // a genuinely missing jar: require(loader) names it
        }
        try {
            // The provider types only: nothing is instantiated.
            for (ServiceLoader.Provider<ComponentsSupplier> p : ServiceLoader.load(ComponentsSupplier.class, loader)
                    .stream().toList()) {
                if (p.type().getName().equals(DYNAMIC_WIRING)) {
                    return;
                }
            }
        } catch (ServiceConfigurationError e) {
            return; // cannot tell: let Drools speak for itself
        }
        throw new DsaRulesException("compiling rule files at run time cannot work in this jar: org.drools:"
                + "drools-wiring-dynamic is on the class path, but its entry in " + WIRING_SERVICE + " is lost, as"
                + " when an uber-jar is shaded without merging service files (Drools would then ask for a module"
                + " that is present). Rebuild the jar with " + SHADE_FIX);
    }

    /** @throws DsaRulesException naming the missing jars when the run-time rule compiler is not visible to {@code loader} */
    static void require(ClassLoader loader) {
        List<String> missing = new ArrayList<>();
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
