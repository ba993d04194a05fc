package org.dsarules.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A letter as a Word document ({@code .docx}) that a practice opens, edits and sends: the same words as
 * the letter's Markdown (or plain-text) form, which stays the one source of them (issue 25). The Markdown
 * is read by a CommonMark parser, so the document says exactly what a Markdown renderer would show: no
 * {@code **}, {@code #} or backslash is left in it. Headings are Word's own heading styles (so they
 * appear in Word's navigation pane), bold and italic are bold and italic, a hard line break (an address)
 * is a line break, and list items are paragraphs with their bullet or number and a hanging indent,
 * which the practice can edit as text. A4, UK English for the spelling checker.
 *
 * <p>Plain-text letters ({@code --kind notice}, ...) become one paragraph per block of lines, with
 * each letter of several on a new page.
 *
 * <p>Deterministic: the same letter and date give the same bytes. The document's created and modified
 * dates are the letter's date, and every entry of its zip carries that date, so no clock is read.
 * Thread-safe (no shared state).
 */
public final class DocxLetter {
    /** The line of dashes that separates one plain-text letter from the next. */
    private static final String SEPARATOR = "-".repeat(20);
    private static final Parser PARSER = Parser.builder().build();
    private static final int INDENT = 360;
    private static final String FONT = "Calibri";

    private DocxLetter() {
    }

    /** The letter in {@code markdown} as a Word document dated {@code date}. */
    public static byte[] fromMarkdown(String markdown, LocalDate date) {
        return build(date, w -> w.blocks(PARSER.parse(markdown), 0));
    }

    /**
     * The plain-text letter(s) in {@code text} as a Word document dated {@code date}: a paragraph per
     * block of lines (its lines kept as line breaks), a new page for each letter after a line of dashes.
     */
    public static byte[] fromText(String text, LocalDate date) {
        return build(date, w -> {
            boolean newPage = false;
            for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
                String stripped = block.strip();
                if (stripped.isEmpty()) {
                    continue;
                }
                if (stripped.chars().allMatch(c -> c == '-') && stripped.length() >= SEPARATOR.length()) {
                    newPage = true;
                    continue;
                }
                XWPFParagraph p = w.doc.createParagraph();
                p.setPageBreak(newPage);
                newPage = false;
                List<String> lines = block.lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    XWPFRun r = p.createRun();
                    r.setText(lines.get(i));
                    if (i < lines.size() - 1) {
                        r.addBreak();
                    }
                }
            }
        });
    }

    private interface Content {
        void write(Writer w);
    }

    private static byte[] build(LocalDate date, Content content) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            Writer w = new Writer(doc);
            w.setUp();
            content.write(w);
            Date day = Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
            POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
            core.setCreated(Optional.of(day));
            core.setModified(Optional.of(day));
            core.setCreator("dsa-audit");
            if (w.title != null) {
                core.setTitle(w.title);
            }
            doc.write(buffer);
            ByteArrayOutputStream out = new ByteArrayOutputStream(buffer.size());
            fixTimes(buffer.toByteArray(), date, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown tree as Word paragraphs and runs. */
    private static final class Writer {
        final XWPFDocument doc;
        String title;

        Writer(XWPFDocument doc) {
            this.doc = doc;
        }

        /** A4 with 2.5 cm margins, Calibri 11, UK English, and the heading styles. */
        void setUp() {
            XWPFStyles styles = doc.createStyles();
            CTFonts fonts = CTFonts.Factory.newInstance();
            fonts.setAscii(FONT);
            fonts.setHAnsi(FONT);
            fonts.setCs(FONT);
            fonts.setEastAsia(FONT);
            styles.setDefaultFonts(fonts);
            var defaults = styles.getCtStyles().getDocDefaults();
            var rpr = defaults.isSetRPrDefault() && defaults.getRPrDefault().isSetRPr() ? defaults.getRPrDefault().getRPr()
                    : defaults.addNewRPrDefault().addNewRPr();
            // in the order Word's schema lists them: fonts, size, language
            rpr.addNewSz().setVal(BigInteger.valueOf(22));
            rpr.addNewLang().setVal("en-GB");
            var ppr = defaults.isSetPPrDefault() ? defaults.getPPrDefault() : defaults.addNewPPrDefault();
            var spacing = (ppr.isSetPPr() ? ppr.getPPr() : ppr.addNewPPr()).addNewSpacing();
            spacing.setAfter(BigInteger.valueOf(160));
            for (int level = 1; level <= 3; level++) {
                styles.addStyle(new XWPFStyle(heading(level), styles));
            }
            CTSectPr section = doc.getDocument().getBody().addNewSectPr();
            CTPageSz size = section.addNewPgSz();
            size.setW(BigInteger.valueOf(11906));
            size.setH(BigInteger.valueOf(16838));
            CTPageMar margins = section.addNewPgMar();
            BigInteger m = BigInteger.valueOf(1418);
            margins.setTop(m);
            margins.setBottom(m);
            margins.setLeft(m);
            margins.setRight(m);
        }

        private static CTStyle heading(int level) {
            CTStyle s = CTStyle.Factory.newInstance();
            s.setStyleId("Heading" + level);
            s.setType(STStyleType.PARAGRAPH);
            s.addNewName().setVal("heading " + level);
            s.addNewUiPriority().setVal(BigInteger.valueOf(9));
            s.addNewQFormat();
            var ppr = s.addNewPPr();
            ppr.addNewKeepNext();
            var spacing = ppr.addNewSpacing();
            spacing.setBefore(BigInteger.valueOf(level == 1 ? 240 : 200));
            spacing.setAfter(BigInteger.valueOf(120));
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
            var rpr = s.addNewRPr();
            rpr.addNewB();
            rpr.addNewSz().setVal(BigInteger.valueOf(level == 1 ? 32 : level == 2 ? 28 : 24));
            return s;
        }

        /** Each block under {@code parent}, list items indented {@code depth} levels. */
        void blocks(Node parent, int depth) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                block(n, depth);
            }
        }

        void block(Node n, int depth) {
            if (n instanceof Heading h) {
                XWPFParagraph p = doc.createParagraph();
                p.setStyle("Heading" + Math.min(h.getLevel(), 3));
                inlines(p, h, Style.PLAIN);
                if (title == null && h.getLevel() == 1) {
                    title = p.getText();
                }
            } else if (n instanceof Paragraph) {
                XWPFParagraph p = paragraph(depth);
                inlines(p, n, Style.PLAIN);
            } else if (n instanceof BulletList list) {
                items(list, depth, -1);
            } else if (n instanceof OrderedList list) {
                Integer start = list.getMarkerStartNumber();
                items(list, depth, start == null ? 1 : start);
            } else if (n instanceof BlockQuote) {
                blocks(n, depth + 1);
            } else if (n instanceof FencedCodeBlock code) {
                literal(code.getLiteral(), depth);
            } else if (n instanceof IndentedCodeBlock code) {
                literal(code.getLiteral(), depth);
            } else if (n instanceof HtmlBlock html) {
                literal(html.getLiteral(), depth);
            } else if (n instanceof ThematicBreak) {
                doc.createParagraph().setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
            } else {
                blocks(n, depth);
            }
        }

        /** A list's items: the first paragraph of each carries its bullet or number, the rest are indented under it. */
        private void items(Node list, int depth, int number) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) {
                    continue;
                }
                String marker = number < 0 ? "\u2022" : number++ + ".";
                boolean first = true;
                for (Node b = item.getFirstChild(); b != null; b = b.getNext()) {
                    if (first && b instanceof Paragraph) {
                        XWPFParagraph p = paragraph(depth + 1);
                        p.setIndentationHanging(INDENT);
                        p.createRun().setText(marker + "\t");
                        inlines(p, b, Style.PLAIN);
                    } else {
                        block(b, depth + 1);
                    }
                    first = false;
                }
            }
        }

        private XWPFParagraph paragraph(int depth) {
            XWPFParagraph p = doc.createParagraph();
            if (depth > 0) {
                p.setIndentationLeft(INDENT * depth);
            }
            return p;
        }

        private void literal(String text, int depth) {
            XWPFParagraph p = paragraph(depth);
            List<String> lines = text.stripTrailing().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                XWPFRun r = p.createRun();
                r.setFontFamily("Consolas");
                r.setText(lines.get(i));
                if (i < lines.size() - 1) {
                    r.addBreak();
                }
            }
        }

        /** How a run looks: bold and italic as the Markdown around it says. */
        private record Style(boolean bold, boolean italic, boolean code) {
            static final Style PLAIN = new Style(false, false, false);
        }

        private void inlines(XWPFParagraph p, Node parent, Style style) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Text t) {
                    run(p, t.getLiteral(), style);
                } else if (n instanceof Code c) {
                    run(p, c.getLiteral(), new Style(style.bold(), style.italic(), true));
                } else if (n instanceof StrongEmphasis) {
                    inlines(p, n, new Style(true, style.italic(), style.code()));
                } else if (n instanceof Emphasis) {
                    inlines(p, n, new Style(style.bold(), true, style.code()));
                } else if (n instanceof SoftLineBreak) {
                    run(p, " ", style);
                } else if (n instanceof HardLineBreak) {
                    p.createRun().addBreak(BreakType.TEXT_WRAPPING);
                } else if (n instanceof HtmlInline h) {
                    run(p, h.getLiteral(), style);
                } else {
                    // a link or an image: its text, as the letter shows it
                    inlines(p, n, style);
                }
            }
        }

        private static void run(XWPFParagraph p, String text, Style style) {
            XWPFRun r = p.createRun();
            r.setText(text);
            if (style.bold()) {
                r.setBold(true);
            }
            if (style.italic()) {
                r.setItalic(true);
            }
            if (style.code()) {
                r.setFontFamily("Consolas");
            }
        }
    }

    /** Copies the document's zip with every entry dated {@code date}, midnight: the same letter, the same bytes. */
    private static void fixTimes(byte[] zip, LocalDate date, OutputStream out) throws IOException {
        ZipOutputStream z = new ZipOutputStream(out);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                // the zip format's local time fields: the same on every machine, whatever its zone
                copy.setTimeLocal(date.atStartOfDay());
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        z.finish();
    }
}
