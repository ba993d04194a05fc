package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code dsa-audit} run as its own process (a real {@code main}, real file descriptors), for the tests of output and memory. */
final class Subprocess {
    private Subprocess() {
    }

    /** What a run left: its status, its standard output as bytes, its standard error. */
    record Result(int status, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** A command line: java [jvm options] -cp ... DsaAudit args. */
    static List<String> command(List<String> jvm, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java().toString());
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(DsaAudit.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A builder with the locale set to C and no encoding options handed down: the harshest ordinary setting. */
    static ProcessBuilder builder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove("LC_ALL");
        env.remove("LC_CTYPE");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        env.put("LANG", "C");
        return pb;
    }

    /** Runs to the end, standard output and error to files in {@code dir}. */
    static Result run(Path dir, List<String> jvm, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".bin");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = builder(command(jvm, args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("dsa-audit did not finish: " + List.of(args));
        }
        return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs with standard output going to {@code stdout} (a device, say). */
    static Result runTo(Path stdout, Path dir, List<String> jvm, String... args) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = builder(command(jvm, args)).redirectOutput(stdout.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("dsa-audit did not finish: " + List.of(args));
        }
        return new Result(p.exitValue(), new byte[0], Files.readString(err, StandardCharsets.UTF_8));
    }
}
