package org.jiaxing.code.domain;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes of venue URLs. Error correction M (15 % of the symbol may be dirty or glaring) with the
 * standard 4-module quiet zone: with a ~120-character URL that is version 7 (45 × 45 modules) at most,
 * so the modules stay large on a poster. See docs/SECURITY-codes.md for the sizing.
 */
public final class QrImages {

    public static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.M;
    public static final int QUIET_ZONE = 4;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ERROR_CORRECTION, EncodeHintType.MARGIN, QUIET_ZONE);

    private QrImages() {
    }

    /** One bit per module, quiet zone included (true = dark). */
    public static BitMatrix matrix(String content) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code of " + content.length() + " characters", e);
        }
    }

    /** The QR version (1-40) the content needs; 7 or less keeps modules large enough for 2 m. */
    public static int version(String content) {
        try {
            return Encoder.encode(content, ERROR_CORRECTION).getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code of " + content.length() + " characters", e);
        }
    }

    public static byte[] png(String content, int pixelsPerModule) {
        BitMatrix matrix = matrix(content);
        int size = matrix.getWidth() * pixelsPerModule;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, matrix.get(x / pixelsPerModule, y / pixelsPerModule) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A scalable SVG: a white square and one path of dark runs, one unit per module. */
    public static String svg(String content) {
        BitMatrix matrix = matrix(content);
        int size = matrix.getWidth();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + svgPath(matrix) + "\"/></svg>";
    }

    /** Each horizontal run of dark modules as {@code M x y h n v1 h -n z}. */
    static String svgPath(BitMatrix matrix) {
        StringBuilder path = new StringBuilder();
        forEachDarkRun(matrix, (x, y, length) ->
                path.append('M').append(x).append(' ').append(y).append('h').append(length).append("v1h-")
                        .append(length).append('z'));
        return path.toString();
    }

    /** Visits maximal horizontal runs of dark modules; shared by the SVG and the PDF drawing. */
    public static void forEachDarkRun(BitMatrix matrix, RunVisitor visitor) {
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                visitor.run(start, y, x - start);
            }
        }
    }

    @FunctionalInterface
    public interface RunVisitor {
        void run(int x, int y, int length);
    }
}
