package org.jiaxing.code.domain;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jiaxing.code.PosterFontMissing;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A4 PDF posters (one per page) with the CJK font embedded as a subset, so they print the same
 * everywhere. The QR code is drawn as vector rectangles, 16 cm wide with its quiet zone.
 */
@Component
public class PosterPdf {

    private static final float WIDTH = PageSize.A4.getWidth();
    private static final float CENTRE = WIDTH / 2;
    private static final float CM = 72f / 2.54f;
    private static final float QR_SIZE = 16 * CM;
    private static final float QR_BOTTOM = 150;
    private static final int[] BRAND = {0x0b, 0x6e, 0x4f};

    private final PosterFont fonts;
    private final MessageSource messages;

    public PosterPdf(PosterFont fonts, MessageSource messages) {
        this.fonts = fonts;
        this.messages = messages;
    }

    /** Whether PDFs can be made here (a CJK font is installed). */
    public boolean available() {
        return fonts.locate().isPresent();
    }

    /** Starts a PDF on the stream; add posters, then close. Throws {@link PosterFontMissing} without a font. */
    public PosterDocument open(OutputStream out) {
        String fontName = fonts.locate().orElseThrow(PosterFontMissing::onThisMachine);
        BaseFont font;
        try {
            // not cached: a BaseFont re-reads its file while a document closes, so documents don't share one
            font = BaseFont.createFont(fontName, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
        } catch (IOException e) {
            throw PosterFontMissing.onThisMachine();
        }
        Document document = new Document(PageSize.A4, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(label("code.poster.pdfTitle"));
        document.addCreator("Jiaxing");
        document.open();
        return new PosterDocument(document, writer, font);
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private String english(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }

    /** One open PDF. Not thread-safe; one thread writes it. */
    public final class PosterDocument implements AutoCloseable {

        private final Document document;
        private final PdfWriter writer;
        private final BaseFont font;
        private final String band = label("code.poster.band");
        private final String instruction = label("code.poster.instruction");
        private final String instructionEn = english("code.poster.instruction");

        private PosterDocument(Document document, PdfWriter writer, BaseFont font) {
            this.document = document;
            this.writer = writer;
            this.font = font;
        }

        public void add(PosterContent poster) {
            document.newPage();
            PdfContentByte canvas = writer.getDirectContent();
            drawBand(canvas);
            drawName(poster.venueName());
            centred(canvas, poster.categoryZh() + " · " + poster.townZh(), 17, 668, false);
            centred(canvas, poster.categoryEn() + " · " + poster.townEn(), 10, 652, false);
            wrapped(poster.address(), 12, 612, 646);
            drawQr(canvas, QrImages.matrix(poster.url()));
            centred(canvas, instruction, 30, 110, true);
            centred(canvas, instructionEn, 13, 88, false);
            centred(canvas, label("code.poster.footer", poster.venueCode(), poster.generation(), poster.kid()), 10, 45,
                    false);
        }

        private void drawBand(PdfContentByte canvas) {
            canvas.saveState();
            canvas.setRGBColorFill(BRAND[0], BRAND[1], BRAND[2]);
            canvas.rectangle(0, 790, WIDTH, PageSize.A4.getHeight() - 790);
            canvas.fill();
            canvas.restoreState();
            canvas.saveState();
            canvas.setRGBColorFill(255, 255, 255);
            canvas.beginText();
            canvas.setFontAndSize(font, 18);
            canvas.showTextAligned(Element.ALIGN_CENTER, band, CENTRE, 809, 0);
            canvas.endText();
            canvas.restoreState();
        }

        /** The venue name as large as fits its box: one line up to 40 pt, wrapped and smaller when long. */
        private void drawName(String name) {
            fitted(name, 40, 14, Font.BOLD, 686, 778);
        }

        private void wrapped(String text, float size, float bottom, float top) {
            fitted(text, size, 7, Font.NORMAL, bottom, top);
        }

        /** Centred text in a box, at the largest size (largest down to smallest, in steps of 1 pt) that fits. */
        private void fitted(String text, float largest, float smallest, int style, float bottom, float top) {
            for (float size = largest; size >= smallest; size--) {
                if (size == smallest || fits(text, size, style, bottom, top)) {
                    column(text, size, style, bottom, top).go();
                    return;
                }
            }
        }

        private boolean fits(String text, float size, int style, float bottom, float top) {
            return !ColumnText.hasMoreText(column(text, size, style, bottom, top).go(true));
        }

        private ColumnText column(String text, float size, int style, float bottom, float top) {
            ColumnText column = new ColumnText(writer.getDirectContent());
            Paragraph paragraph = new Paragraph(size * 1.25f, text, new Font(font, size, style));
            paragraph.setAlignment(Element.ALIGN_CENTER);
            column.setSimpleColumn(48, bottom, WIDTH - 48, top);
            column.addElement(paragraph);
            return column;
        }

        private void centred(PdfContentByte canvas, String text, float size, float baseline, boolean bold) {
            canvas.saveState();
            canvas.beginText();
            if (bold) {
                // Noto Sans CJK Regular has no bold face in this file: stroke the outlines a little
                canvas.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE);
                canvas.setLineWidth(size / 40);
            }
            canvas.setFontAndSize(font, size);
            canvas.showTextAligned(Element.ALIGN_CENTER, text, CENTRE, baseline, 0);
            canvas.endText();
            canvas.restoreState();
        }

        private void drawQr(PdfContentByte canvas, BitMatrix matrix) {
            float module = QR_SIZE / matrix.getWidth();
            float left = CENTRE - QR_SIZE / 2;
            float top = QR_BOTTOM + QR_SIZE;
            canvas.saveState();
            canvas.setRGBColorFill(0, 0, 0);
            QrImages.forEachDarkRun(matrix, (x, y, length) ->
                    canvas.rectangle(left + x * module, top - (y + 1) * module, length * module, module));
            canvas.fill();
            canvas.restoreState();
        }

        @Override
        public void close() {
            try {
                document.close();
            } catch (RuntimeException e) {
                if (e.getCause() instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                throw e;
            }
        }
    }
}
