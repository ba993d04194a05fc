package org.dsarules.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.dsarules.model.Agreement;

/**
 * The catalogue of known programmes ({@code record-format.md} v1.2, "Known programmes"): for each
 * national programme, its names and the facts about it that are public and fixed, each with the
 * addresses of the pages that state it and the date they were checked. An agreement whose
 * {@code programme}, or failing that its {@code title}, resolves to an entry ({@link #match}) is filled
 * from it ({@link #fill(Agreement)}): only the fields the register leaves not known are filled, and a
 * register value that contradicts the entry is kept and reported as a conflict.
 *
 * <p>The shipped catalogue is a class path resource of {@code dsa-rules-kb}
 * ({@value #SHIPPED_INDEX} and the entry files it lists); load it with {@link #shipped(ClassLoader)}.
 * An LMC's own entries (its shared care record, its PHM platform) are a file in the same format
 * ({@link #read(Path)}) added with {@link #withLocal(Catalogue)}: a local entry with the id of a shipped
 * one replaces it whole (the LMC's reading wins, and {@link #overridden()} lists it so that a tool can
 * say so), and a name that two different entries claim is an error. A user's alias file
 * ({@link ProgrammeAliases#readCsv(Path)}) adds names with {@link #withAliases(ProgrammeAliases)}.
 *
 * <p>The catalogue is information to check, not legal advice. Instances are immutable and thread-safe.
 */
public final class Catalogue {
    /** The class path resource that lists the shipped catalogue's entry files. */
    public static final String SHIPPED_INDEX = "org/dsarules/kb/catalogue/index.json";
    private static final String SHIPPED_FOLDER = "org/dsarules/kb/catalogue/";
    private static final Catalogue EMPTY = new Catalogue(List.of(), List.of(), ProgrammeAliases.empty());

    private final Map<String, CatalogueEntry> byId;
    private final Map<ProgrammeKey, CatalogueEntry> byKey;
    private final List<String> overridden;
    private final ProgrammeAliases names;
    private final ProgrammeAliases userAliases;
    private final ProgrammeAliases aliases;

    private Catalogue(List<CatalogueEntry> entries, List<String> overridden, ProgrammeAliases userAliases) {
        Map<String, CatalogueEntry> ids = new TreeMap<>();
        for (CatalogueEntry e : entries) {
            CatalogueEntry had = ids.putIfAbsent(e.id(), e);
            if (had != null) {
                throw new CatalogueException(e.origin() + ", entry " + e.id() + ", field id: the id is also the id"
                        + " of an entry in " + had.origin() + " (an id names one entry)");
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        Map<ProgrammeKey, CatalogueEntry> keys = new TreeMap<>();
        ProgrammeAliases table = ProgrammeAliases.empty();
        for (CatalogueEntry e : ids.values()) {
            claim(keys, e.key(), e, "id " + e.id());
            for (String name : e.names()) {
                claim(keys, ProgrammeKey.of(name), e, "name \"" + name + "\"");
                table = table.with(name, e.id(), e.origin() + ", entry " + e.id());
            }
        }
        this.byKey = Collections.unmodifiableMap(keys);
        this.overridden = List.copyOf(overridden);
        this.names = table;
        this.userAliases = userAliases;
        this.aliases = table.plus(userAliases);
    }

    private static void claim(Map<ProgrammeKey, CatalogueEntry> keys, ProgrammeKey k, CatalogueEntry e, String what) {
        CatalogueEntry had = keys.putIfAbsent(k, e);
        if (had != null && had != e) {
            throw new CatalogueException(e.origin() + ", entry " + e.id() + ", field names: the " + what
                    + " is also a name of entry " + had.id() + " (" + had.origin() + "): a name must resolve to"
                    + " one programme");
        }
    }

    /** A catalogue with no entries: nothing is filled. */
    public static Catalogue empty() {
        return EMPTY;
    }

    /**
     * The catalogue shipped in {@code dsa-rules-kb}, read through {@code loader} (so that an application
     * with its own class loaders can say where the knowledge base jar is).
     *
     * @throws CatalogueException when the index is not on the class path (dsa-rules-kb missing), or an
     *                            entry file is missing or bad; the message names the resource and entry
     */
    public static Catalogue shipped(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        InputStream index = loader.getResourceAsStream(SHIPPED_INDEX);
        if (index == null) {
            throw new CatalogueException(SHIPPED_INDEX + ": the shipped catalogue is not on the class path"
                    + " (is dsa-rules-kb there?)");
        }
        List<CatalogueEntry> entries = new ArrayList<>();
        for (String file : CatalogueReader.index(CatalogueReader.tree(index, SHIPPED_INDEX), SHIPPED_INDEX)) {
            String resource = SHIPPED_FOLDER + file;
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                throw new CatalogueException(SHIPPED_INDEX + ": lists " + file + ", which is not on the class path");
            }
            entries.addAll(CatalogueReader.entries(CatalogueReader.tree(in, resource), resource));
        }
        return new Catalogue(entries, List.of(), ProgrammeAliases.empty());
    }

    /**
     * A catalogue file: one entry object, or a JSON array of entry objects, in the format of the shipped
     * entries (see {@code docs/catalogue.md}).
     *
     * @throws CatalogueException naming the file, entry and field of the first problem
     */
    public static Catalogue read(Path file) {
        Objects.requireNonNull(file, "file");
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new CatalogueException(file + ": no such catalogue file", e);
        } catch (IOException e) {
            throw new CatalogueException(file + ": cannot read the catalogue file: " + e.getMessage(), e);
        }
        return read(in, file.toString());
    }

    /** A catalogue file read from {@code in} (closed after); {@code sourceName} names it in messages. */
    public static Catalogue read(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        return new Catalogue(CatalogueReader.entries(CatalogueReader.tree(in, sourceName), sourceName), List.of(),
                ProgrammeAliases.empty());
    }

    /**
     * This catalogue with {@code local}'s entries added; a local entry with the id of one of this
     * catalogue's replaces it whole, and its id is listed in {@link #overridden()}.
     *
     * @throws CatalogueException when a local entry claims a name of another entry
     */
    public Catalogue withLocal(Catalogue local) {
        Objects.requireNonNull(local, "local");
        Map<String, CatalogueEntry> merged = new LinkedHashMap<>(byId);
        List<String> replaced = new ArrayList<>(overridden);
        for (CatalogueEntry e : local.byId.values()) {
            if (merged.put(e.id(), e) != null && !replaced.contains(e.id())) {
                replaced.add(e.id());
            }
        }
        Collections.sort(replaced);
        return new Catalogue(new ArrayList<>(merged.values()), replaced, userAliases.plus(local.userAliases));
    }

    /**
     * This catalogue with a user's aliases (an alias file, {@code alias,programme}) added on top of the
     * entries' names: an alias may point to any name of an entry, and where it maps a name of the catalogue
     * elsewhere, the user's alias wins.
     */
    public Catalogue withAliases(ProgrammeAliases user) {
        Objects.requireNonNull(user, "user");
        return new Catalogue(new ArrayList<>(byId.values()), overridden, userAliases.plus(user));
    }

    /** The entries, sorted by id. */
    public List<CatalogueEntry> entries() {
        return List.copyOf(byId.values());
    }

    /** The entry with {@code id}. */
    public Optional<CatalogueEntry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Whether there are no entries. */
    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The ids of entries a local catalogue replaced, sorted. */
    public List<String> overridden() {
        return overridden;
    }

    /**
     * The alias table for grouping programmes across practices: every entry's names (and id) mapped to the
     * entry's key, then the user's aliases. Two agreements are the same programme when
     * {@code aliases().resolve(...)} gives equal keys.
     */
    public ProgrammeAliases aliases() {
        return aliases;
    }

    /** The entries' names alone, without a user's aliases. */
    public ProgrammeAliases names() {
        return names;
    }

    /** The entry that {@code name} (a programme or a title) resolves to through the aliases. */
    public Optional<CatalogueEntry> resolve(String name) {
        ProgrammeKey k = aliases.resolve(name);
        return k == null ? Optional.empty() : Optional.ofNullable(byKey.get(k));
    }

    /**
     * The entry {@code agreement} resolves to: by its {@code programme}; when that is absent or resolves to
     * no entry, by its {@code title}. The whole text is compared (as a key, through the aliases): a title
     * that only contains a programme's name ("CPRD Aurum research collection") does not resolve, so as
     * never to guess; give the agreement a {@code programme} or add the title to an alias file.
     */
    public Optional<CatalogueEntry> match(Agreement agreement) {
        Objects.requireNonNull(agreement, "agreement");
        Optional<CatalogueEntry> byProgramme = resolve(agreement.programme());
        return byProgramme.isPresent() ? byProgramme : resolve(agreement.title());
    }

    /**
     * {@code agreement} filled from the entry it resolves to; empty when it resolves to none (an unknown
     * programme is decided on the register's facts alone).
     */
    public Optional<CatalogueFill> fill(Agreement agreement) {
        return match(agreement).map(e -> Filler.fill(agreement, e));
    }

    /** {@code agreement} filled from {@code entry}, whatever the agreement's names. */
    public static CatalogueFill fill(Agreement agreement, CatalogueEntry entry) {
        return Filler.fill(agreement, entry);
    }

    @Override
    public String toString() {
        return "Catalogue" + byId.keySet();
    }
}
