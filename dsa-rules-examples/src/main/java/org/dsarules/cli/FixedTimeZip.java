package org.dsarules.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A workbook (an .xlsx is a zip) made deterministic (issue 27): the same register, rules and as-of date give
 * the same bytes whenever it is written. The workbook library stamps each zip entry with the time of writing
 * and the document's created date with the day; both are set here from the as-of date, midnight UTC.
 *
 * <p>Public for the workspace's downloads ({@code org.dsarules.workspace}), which date their workbooks the
 * same way, so a workbook downloaded from the browser is the command line's to the byte.
 */
public final class FixedTimeZip {
    private FixedTimeZip() {
    }

    /** Writes {@code workbook} into {@code out} through a buffer, then rewritten with every time set from {@code asOf}. */
    static SafeOutput.Writer of(LocalDate asOf, SafeOutput.Writer workbook) {
        return out -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            workbook.write(buffer);
            rewrite(buffer.toByteArray(), asOf, out);
        };
    }

    /**
     * Copies the zip {@code zip} (a workbook as the workbook library wrote it) to {@code out} with every entry's
     * time and the document's created and modified dates set to {@code asOf}, midnight UTC.
     */
    public static void rewrite(byte[] zip, LocalDate asOf, OutputStream out) throws IOException {
        String stamp = asOf + "T00:00:00Z";
        ZipOutputStream z = new ZipOutputStream(out);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("docProps/core.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8)
                            .replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + stamp + "$2")
                            .replaceAll("(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", "$1" + stamp + "$2");
                    data = xml.getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                // Local time fields of the zip format: the same date on every machine, whatever its zone.
                copy.setTimeLocal(asOf.atStartOfDay());
                z.putNextEntry(copy);
                z.write(data);
                z.closeEntry();
            }
        }
        z.finish();
        z.flush();
    }
}
