package org.dsarules.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.dsarules.exception.DsaRulesException;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;
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

    /**
     * The default knowledge base, from the executable model of the jar that {@code descriptor} describes.
     *
     * @param rank each rule's position in the rule files (see {@link #build})
     */
    static KieBase load(ClassLoader loader, Properties descriptor, ToIntFunction<String> rank) {
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
                shared.set(build(models, rank, loader));
            }
            return shared.get();
        }
    }

    /**
     * Builds a KieBase from executable models with the rules in a defined order. Drools fires the matches
     * that are eligible at the same time by salience (the project uses none), then by the order in which
     * rules were added to the knowledge base; left to the generated model, that order is the code
     * generator's. Adding the rules sorted by {@code rank} (their file's name, then their place in the
     * file; rules without a rank last, by name) makes the firing order, and so the trace, a property of
     * the rule files: the same for the precompiled and the run-time compiled knowledge base, whichever
     * build made the jar and however often it is loaded.
     */
    static KieBase build(Collection<Model> models, ToIntFunction<String> rank, ClassLoader loader) {
        // Of two rules eligible at once Drools fires the one added first (RuleAgendaConflictResolver: salience,
        // then load order, then node id), so the rule written first fires first.
        Comparator<Rule> order = Comparator.comparingInt((Rule r) -> rank.applyAsInt(r.getName()))
                .thenComparing(Rule::getName);
        List<Model> ranked = new ArrayList<>();
        for (Model m : models) {
            ranked.add(new RankedModel(m, order));
        }
        return withDroolsContext(() -> KieBaseBuilder.createKieBaseFromModel(ranked,
                RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader)));
    }

    /** A model whose rules are listed in a given order; everything else is the model's own. */
    private record RankedModel(Model model, Comparator<Rule> order) implements Model {
        @Override
        public String getName() {
            return model.getName();
        }

        @Override
        public String getPackageName() {
            return model.getPackageName();
        }

        @Override
        public List<Global> getGlobals() {
            return model.getGlobals();
        }

        @Override
        public List<Rule> getRules() {
            List<Rule> rules = new ArrayList<>(model.getRules());
            rules.sort(order);
            return rules;
        }

        @Override
        public List<Query> getQueries() {
            return model.getQueries();
        }

        @Override
        public List<TypeMetaData> getTypeMetaDatas() {
            return model.getTypeMetaDatas();
        }

        @Override
        public List<EntryPoint> getEntryPoints() {
            return model.getEntryPoints();
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
