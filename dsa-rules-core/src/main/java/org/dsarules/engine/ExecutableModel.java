package org.dsarules.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.dsarules.exception.DsaRulesException;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * Builds the default {@link KieBase} straight from the executable model that kie-maven-plugin generated
 * into the knowledge base jar: the classes listed in its {@code META-INF/kie/<group>/<artifact>/drools-model}
 * file are instantiated and handed to Drools' {@link KieBaseBuilder}.
 *
 * <p>Why not {@code KieServices.getKieClasspathContainer}: that container is one per JVM (a second class
 * loader is refused), it reads every {@code kmodule.xml} on the class path (a host application's default
 * kbase clashes with ours), and it finds the model by the first {@code pom.properties} of the jar (in an
 * uber-jar that is the application's, so Drools falls back to compiling DRL and fails). Loading the model
 * classes ourselves creates nothing global, parses no DRL, and works from any class loader and any jar layout.
 */
final class ExecutableModel {
    private static final String HEADER = "Drools-Model-Version:";

    private ExecutableModel() {
    }

    /**
     * One KieBase per model class, shared by every instance built from the same jar through the same
     * class loader: a KieBase is immutable and thread-safe, and building it is most of the cost of
     * {@code DsaRules.defaults()}. A {@link ClassValue} keeps it with the class, so a class loader that is
     * dropped (an application redeployed) takes its KieBase with it.
     */
    private static final ClassValue<AtomicReference<KieBase>> SHARED = new ClassValue<>() {
        @Override
        protected AtomicReference<KieBase> computeValue(Class<?> type) {
            return new AtomicReference<>();
        }
    };

    static KieBase load(ClassLoader loader, Properties descriptor) {
        String listing = descriptor.getProperty("model");
        if (listing == null || listing.isBlank()) {
            throw new DsaRulesException("the knowledge base descriptor " + KnowledgeBase.DESCRIPTOR
                    + " names no executable model (property \"model\"): rebuild dsa-rules-kb");
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String className : modelClasses(loader, listing.strip())) {
            classes.add(modelClass(loader, className));
        }
        if (classes.isEmpty()) {
            throw new DsaRulesException(listing + " lists no model class: rebuild dsa-rules-kb");
        }
        AtomicReference<KieBase> shared = SHARED.get(classes.get(0));
        synchronized (shared) {
            if (shared.get() == null) {
                List<Model> models = new ArrayList<>();
                for (Class<?> c : classes) {
                    models.add(instantiate(c));
                }
                shared.set(withDroolsContext(() -> KieBaseBuilder.createKieBaseFromModel(models,
                        RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader))));
            }
            return shared.get();
        }
    }

    /**
     * Runs {@code action} with the thread's context class loader set to the one that loaded Drools. Drools
     * finds its own parts (its service files) through the context class loader the first time it needs
     * them; in an application that loads dsa-rules through a class loader of its own (a plugin, a second
     * deployment) the context class loader is someone else's, whose Drools classes are not ours.
     */
    static <T> T withDroolsContext(Supplier<T> action) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        ClassLoader drools = KieBaseBuilder.class.getClassLoader();
        if (previous == drools) {
            return action.get();
        }
        t.setContextClassLoader(drools);
        try {
            return action.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** The file holds a version header, then one fully qualified class name per line. */
    private static List<String> modelClasses(ClassLoader loader, String listing) {
        try (InputStream in = loader.getResourceAsStream(listing)) {
            if (in == null) {
                throw new DsaRulesException("the knowledge base jar lacks its executable model (" + listing
                        + "): it was not built by kie-maven-plugin, or a repackaging dropped META-INF/kie");
            }
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith(HEADER)) {
                    out.add(l);
                }
            }
            return out;
        } catch (IOException e) {
            throw new DsaRulesException(listing + ": cannot read the executable model listing: " + e.getMessage(), e);
        }
    }

    private static Class<?> modelClass(ClassLoader loader, String className) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DsaRulesException("cannot load the executable model class " + className + " of the knowledge"
                    + " base: " + e, e);
        }
    }

    private static Model instantiate(Class<?> c) {
        try {
            return (Model) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new DsaRulesException("cannot load the executable model class " + c.getName() + " of the knowledge"
                    + " base: " + e, e);
        }
    }
}
