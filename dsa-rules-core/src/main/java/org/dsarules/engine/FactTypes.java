package org.dsarules.engine;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.dsarules.decision.Outcome;
import org.dsarules.facts.Finding;
import org.dsarules.model.Agreement;

/**
 * The types a rule file can name without Java: the facts, the register's model and its enums, and
 * the few JDK types the guide uses. Used to suggest the nearest name when a rule misspells a type, a
 * field, a method or an enum constant.
 */
final class FactTypes {
    /** What every rule file may use without writing an import (see {@link RuleCompiler}). */
    static final List<String> DEFAULT_IMPORTS = List.of("org.dsarules.decision.Outcome", "org.dsarules.facts.*",
            "org.dsarules.model.*", "java.time.LocalDate");

    private static final Map<String, Class<?>> TYPES = load();

    private FactTypes() {
    }

    /** Every type by simple name. */
    static Map<String, Class<?>> all() {
        return TYPES;
    }

    static Optional<Class<?>> bySimpleOrFullName(String name) {
        Class<?> c = TYPES.get(name);
        if (c != null) {
            return Optional.of(c);
        }
        return TYPES.values().stream().filter(t -> t.getName().equals(name)).findFirst();
    }

    /** What a constraint can name on {@code type}: record components, getters (without get/is) and no-argument methods. */
    static List<String> fields(Class<?> type) {
        TreeSet<String> out = new TreeSet<>();
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                out.add(rc.getName());
            }
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class
                    && m.getReturnType() != void.class) {
                String n = m.getName();
                if (n.startsWith("get") && n.length() > 3 && !n.equals("getClass")) {
                    out.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
                } else if (n.startsWith("is") && n.length() > 2) {
                    out.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
                } else if (!Enum.class.isAssignableFrom(type) && !List.of("hashCode", "toString").contains(n)) {
                    out.add(n);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The public method names of {@code type}, Object's excluded. */
    static List<String> methods(Class<?> type) {
        TreeSet<String> out = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() != Object.class) {
                out.add(m.getName());
            }
        }
        return List.copyOf(out);
    }

    /** The constants of an enum type, or an empty list. */
    static List<String> constants(Class<?> type) {
        Object[] values = type.getEnumConstants();
        return values == null ? List.of() : Arrays.stream(values).map(v -> ((Enum<?>) v).name()).toList();
    }

    /** How {@code type} is constructed, as a reader would write it: {@code Note(String topic, String explanation)}. */
    static String constructors(Class<?> type) {
        List<String> out = new ArrayList<>();
        if (type.isRecord()) {
            StringBuilder sb = new StringBuilder(type.getSimpleName()).append('(');
            RecordComponent[] rc = type.getRecordComponents();
            for (int i = 0; i < rc.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(rc[i].getType().getSimpleName()).append(' ').append(rc[i].getName());
            }
            out.add(sb.append(')').toString());
        }
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type && m.getDeclaringClass() == type
                    && !m.getName().equals("valueOf")) {
                out.add(type.getSimpleName() + "." + m.getName() + "(" + String.join(", ",
                        Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList()) + ")");
            }
        }
        return String.join(" or ", out);
    }

    private static Map<String, Class<?>> load() {
        Map<String, Class<?>> out = new TreeMap<>();
        for (Class<?> anchor : List.of(Agreement.class, Finding.class, Outcome.class)) {
            for (String name : classNames(anchor)) {
                try {
                    Class<?> c = Class.forName(name, false, anchor.getClassLoader());
                    if (Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isMemberClass()) {
                        out.put(c.getSimpleName(), c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // Not loadable: not a type a rule can use either.
                }
            }
        }
        for (Class<?> c : List.of(LocalDate.class, String.class, List.class, Set.class,
                Math.class, Integer.class, Boolean.class)) {
            out.put(c.getSimpleName(), c);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The classes of {@code anchor}'s package, read from the directory or jar it was loaded from. */
    private static List<String> classNames(Class<?> anchor) {
        String pkg = anchor.getPackageName();
        String folder = pkg.replace('.', '/');
        List<String> out = new ArrayList<>();
        try {
            Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.list(where.resolve(folder))) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                            .forEach(n -> out.add(pkg + "." + n.substring(0, n.length() - 6)));
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder + "/") && n.endsWith(".class")
                            && !n.contains("$") && n.indexOf('/', folder.length() + 1) < 0)
                            .forEach(n -> out.add(n.substring(0, n.length() - 6).replace('/', '.')));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Suggestions are a help, never a reason to fail: without them the error is still reported.
        }
        return out;
    }
}
