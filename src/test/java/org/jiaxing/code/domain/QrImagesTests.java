package org.jiaxing.code.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrImagesTests {

    /**
     * A production-like URL with a generous token: venue id up to 2 million (3 varint bytes), up to 127
     * reissues and 127 keys (1 byte each): 6 payload bytes, 94 token characters, 121 in all.
     */
    private static final String URL = "https://jx.pinghu.gov.cn/c/" + TokenCodec.encode(
            TokenCodec.payload(new VenueToken(127, 2_000_000, 127)), signature());

    private static byte[] signature() {
        byte[] signature = new byte[64];
        Arrays.fill(signature, (byte) 0xA5);
        return signature;
    }

    @Test
    void pngDecodesToTheSameUrl() {
        byte[] png = QrImages.png(URL, 12);

        assertThat(QrDecoding.decodePng(png)).isEqualTo(URL);
    }

    @Test
    void staysAtVersion7OrBelowWithErrorCorrectionM() {
        assertThat(URL).hasSize(121);
        assertThat(QrImages.version(URL)).isEqualTo(7);
        assertThat(QrImages.version("http://localhost:8080/c/" + URL.substring(URL.indexOf("/c/") + 3))).isEqualTo(7);
        BitMatrix matrix = QrImages.matrix(URL);
        assertThat(matrix.getWidth()).isLessThanOrEqualTo(45 + 2 * QrImages.QUIET_ZONE);
    }

    @Test
    void svgPathDrawsExactlyTheDarkModules() {
        BitMatrix matrix = QrImages.matrix(URL);
        boolean[][] drawn = cellsOf(QrImages.svgPath(matrix), matrix.getWidth());

        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                assertThat(drawn[y][x]).as("module %d,%d", x, y).isEqualTo(matrix.get(x, y));
            }
        }
    }

    @Test
    void rasterisedSvgDecodesToTheSameUrl() {
        String svg = QrImages.svg(URL);
        Matcher viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) \\1\"").matcher(svg);
        assertThat(viewBox.find()).isTrue();
        int size = Integer.parseInt(viewBox.group(1));
        Matcher path = Pattern.compile("<path fill=\"#000\" d=\"([^\"]+)\"/>").matcher(svg);
        assertThat(path.find()).isTrue();

        boolean[][] cells = cellsOf(path.group(1), size);
        int scale = 8;
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size * scale; y++) {
            for (int x = 0; x < size * scale; x++) {
                image.setRGB(x, y, cells[y / scale][x / scale] ? 0x000000 : 0xFFFFFF);
            }
        }

        assertThat(QrDecoding.decode(image)).isEqualTo(URL);
    }

    /** Interprets the {@code M x y h n v1 h -n z} runs the SVG uses, cell by cell. */
    private static boolean[][] cellsOf(String path, int size) {
        boolean[][] cells = new boolean[size][size];
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(path);
        int consumed = 0;
        while (run.find()) {
            assertThat(run.start()).isEqualTo(consumed);
            consumed = run.end();
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            assertThat(run.group(4)).isEqualTo(run.group(3));
            for (int i = 0; i < length; i++) {
                cells[y][x + i] = true;
            }
        }
        assertThat(consumed).as("path fully understood").isEqualTo(path.length());
        return cells;
    }
}
