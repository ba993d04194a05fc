package org.dsarules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.decision.RecordError;
import org.dsarules.exception.DsaRulesException;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterSource;
import org.dsarules.round.Answers;
import org.dsarules.round.AuditedRegister;
import org.dsarules.text.Sanitiser;

/**
 * Several registers at once (issue 13): files, or directories whose {@code .json}, {@code .csv} and {@code .xlsx}
 * files are registers (not recursing, in name order). Each register is one practice, named by its
 * practice block; ids are per practice, so the same id in two registers is not a duplicate.
 */
final class RegisterArgs {
    private RegisterArgs() {
    }

    /** The register files the arguments name, in order, each once. */
    static List<Path> expand(List<Path> args) {
        List<Path> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path p : args) {
            if (Files.isDirectory(p)) {
                List<Path> inside;
                try (Stream<Path> s = Files.list(p)) {
                    // A broken link is kept, so that reading it reports it (issue 27): skipped, it would vanish without a word.
                    inside = s.filter(f -> Files.isRegularFile(f) || Files.isSymbolicLink(f) && !Files.exists(f))
                            .filter(RegisterArgs::isRegisterName).sorted().toList();
                } catch (IOException e) {
                    throw new CliException(p + ": cannot list the folder: " + e.getMessage(), e);
                }
                if (inside.isEmpty()) {
                    throw new CliException(p + ": the folder holds no register (.json, .csv or .xlsx file)");
                }
                inside.forEach(f -> add(f, out, seen));
            } else {
                add(p, out, seen);
            }
        }
        return out;
    }

    private static void add(Path p, List<Path> out, Set<Path> seen) {
        if (seen.add(p.toAbsolutePath().normalize())) {
            out.add(p);
        }
    }

    private static boolean isRegisterName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".json") || n.endsWith(".csv") || n.endsWith(".xlsx"));
    }

    /**
     * The registers of a several-register command that could be read, audited, and how many could not. A
     * register that cannot be read (not found, not a register, a broken link) is reported in one line and the
     * others go on (issue 26); the command then exits 1.
     */
    record Audited(List<AuditedRegister> registers, int unreadable) {
        int errors() {
            return unreadable + registers.stream().mapToInt(a -> a.result().summary().errors()).sum();
        }
    }

    /**
     * Audits every register (full traces), one rules instance for all, the registers together holding at most
     * {@link WholeRegister#LIMIT} agreements (the document {@code what} holds them all).
     */
    static Audited audit(List<Path> files, DsaRules rules, LocalDate date, InputOptions input, String what,
            PrintWriter err) {
        List<AuditedRegister> out = new ArrayList<>(files.size());
        int[] read = {0};
        int unreadable = 0;
        for (Path f : files) {
            try {
                out.add(AuditedRegister.of(f.toString(), rules, limited(files, f, input, read, what), date));
            } catch (CliException.TooLarge e) {
                throw e;
            } catch (DsaRulesException | CliException | UncheckedIOException e) {
                if (files.size() == 1) {
                    throw e;
                }
                unreadable++;
                err.println("dsa-audit: " + Sanitiser.line(f + ": cannot be read, left out (the other registers go on): "
                        + unreadableReason(f, e)));
            }
        }
        if (out.isEmpty()) {
            throw new CliException("no register given could be read");
        }
        if (out.size() > 1) {
            requirePractices(out.stream().map(r -> new Object[] {r.name(), r.odsCode()}).toList());
        }
        return new Audited(out, unreadable);
    }

    /** Register {@code f} of {@code files}, limited alone (one register) or with the others (several). */
    private static RegisterSource limited(List<Path> files, Path f, InputOptions input, int[] read, String what) {
        return files.size() == 1 ? WholeRegister.limited(input.open(f), f, what)
                : WholeRegister.limitedTogether(input.open(f), read, what);
    }

    private static String unreadableReason(Path f, RuntimeException e) {
        if (Files.isSymbolicLink(f) && !Files.exists(f)) {
            return "it is a link to a file that does not exist";
        }
        String m = e instanceof UncheckedIOException io && io.getCause() != null ? OutputFailure.reason(io.getCause())
                : String.valueOf(e.getMessage());
        // The reader's message usually starts with the file's name: say it once.
        String name = f.toString();
        return m.startsWith(name + ": ") ? m.substring(name.length() + 2) : m;
    }

    /**
     * Reads every register whole, refusing one with records in error, so that a new register written from it
     * drops nothing ({@code sent}).
     */
    static List<Answers.Named> read(List<Path> files, InputOptions input) {
        List<Answers.Named> out = new ArrayList<>();
        for (Whole w : readAll(files, input)) {
            List<RecordError> errors = w.errors();
            if (!errors.isEmpty()) {
                throw new CliException(w.named().name() + ": " + errors.size() + " record(s) in error (the first: record "
                        + errors.get(0).index() + ", " + errors.get(0).message() + "); correct them first "
                        + "('dsa-audit audit " + w.named().name() + "' lists them), so that the new register drops none");
            }
            out.add(w.named());
        }
        return out;
    }

    /**
     * A register read whole: the valid agreements (with the practice's own columns) and the records in error,
     * which {@code answer} carries into the register it writes unchanged (issue 26).
     */
    record Whole(Answers.Named named, List<RecordError> errors) {
        Whole {
            errors = List.copyOf(errors);
        }
    }

    /** Reads every register whole, records in error kept apart; the registers together within the limit. */
    static List<Whole> readAll(List<Path> files, InputOptions input) {
        List<Whole> out = new ArrayList<>();
        int[] read = {0};
        for (Path f : files) {
            ReadResult r = ReadResult.of(limited(files, f, input, read, "answer"));
            out.add(new Whole(new Answers.Named(f.toString(), r.register()), r.errors()));
        }
        if (out.size() > 1) {
            requirePractices(out.stream().map(w -> new Object[] {w.named().name(), w.named().register().practice() == null
                    ? null : w.named().register().practice().odsCode()}).toList());
        }
        return out;
    }

    /** With several registers, each must name its practice by an ODS code, and no two the same one. */
    private static void requirePractices(List<Object[]> nameAndOds) {
        Set<String> codes = new HashSet<>();
        for (Object[] x : nameAndOds) {
            String ods = (String) x[1];
            if (ods == null || ods.isBlank()) {
                throw new CliException(x[0] + ": the register names no practice (practice.odsCode): with several "
                        + "registers each must name its practice, since agreement ids are per practice");
            }
            if (!codes.add(ods.strip().toUpperCase(Locale.ROOT))) {
                throw new CliException(x[0] + ": practice " + ods.strip() + " is the practice of another register given: "
                        + "give each practice's register once");
            }
        }
    }

    /** The format a register file is written back in: the one it was read in. */
    static RegisterFiles.Format format(Path file, InputOptions input) {
        return input.inputFormat != null ? input.inputFormat : RegisterFiles.Format.of(file);
    }
}
