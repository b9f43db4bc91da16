package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jiaxing.code.domain.QrDecoding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The PDF poster as a printer would see it: rendered with poppler (pdftoppm), its text extracted
 * (pdftotext), its fonts listed (pdffonts), and its QR code read back from the picture. Needs
 * poppler-utils and fonts-noto-cjk, which .ci/run installs; skipped locally without them, a failure
 * under CI=true. The rendered page is kept at target/poster-check/poster-1.png for a look.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PosterPdfRenderingTests {

    private static final Path OUT = Path.of("target", "poster-check");

    @Autowired MockMvcTester mvc;
    @Autowired VenueCodes codes;
    @Autowired JdbcClient jdbc;
    long venue;
    Path pdf;

    @BeforeAll
    void renderThePoster() throws Exception {
        ExternalTools.requirePoppler();
        venue = new TestVenues(jdbc).hospitalInDanghu();
        MvcTestResult result = mvc.get().uri("/venues/{id}/poster.pdf", venue).with(user(TestUsers.cityAdmin())).exchange();
        assertThat(result).hasStatusOk().hasContentType("application/pdf");
        Files.createDirectories(OUT);
        pdf = OUT.resolve("poster.pdf");
        Files.write(pdf, result.getResponse().getContentAsByteArray());
        ExternalTools.run("pdftoppm", "-r", "150", "-png", pdf.toString(), OUT.resolve("poster").toString());
    }

    @Test
    void isOneA4Page() throws Exception {
        String info = ExternalTools.run("pdfinfo", pdf.toString());

        assertThat(info).containsPattern("Pages:\\s+1").containsPattern("Page size:\\s+595(\\.\\d+)? x 84[12](\\.\\d+)? pts \\(A4\\)");
    }

    @Test
    void carriesTheChineseTextAsText() throws Exception {
        String text = ExternalTools.run("pdftotext", "-layout", pdf.toString(), "-");

        assertThat(text).contains("平湖市第一人民医院", "请扫码登记", "出示健康码", "医疗卫生机构", "当湖街道",
                "Scan to check in", "第 1 代");
    }

    @Test
    void embedsTheCjkFont() throws Exception {
        String fonts = ExternalTools.run("pdffonts", pdf.toString());
        List<String> rows = fonts.lines().skip(2).toList();

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).containsPattern("CJK").containsPattern(
                "\\s+yes\\s+yes\\s+yes\\s+"));
    }

    @Test
    void theRenderedPageShowsGlyphsAndAReadableQrCode() throws Exception {
        Path png = OUT.resolve("poster-1.png");
        var image = ImageIO.read(png.toFile());

        assertThat(image.getWidth()).isBetween(1230, 1245); // 210 mm at 150 dpi
        assertThat(QrDecoding.decode(image)).isEqualTo(codes.issueUrl(venue));
        assertThat(darkPixelShare(image, 0, (int) (image.getHeight() * 0.06), (int) (image.getHeight() * 0.16)))
                .as("ink in the venue-name band").isGreaterThan(0.03);
    }

    /**
     * A phone 2 m from the poster: its camera (about 70 degrees wide) sees a 2.8 m wide scene; a
     * 3840-pixel frame, or a 1920-pixel one at 2x zoom as scanner apps use, puts about 1.37 px on a
     * millimetre, i.e. 35 dpi. Rendered at that resolution and slightly blurred, the code must still read.
     */
    @Test
    void readsAtTheResolutionAPhoneHasTwoMetresAway() throws Exception {
        ExternalTools.run("pdftoppm", "-r", "35", "-png", "-singlefile", pdf.toString(), OUT.resolve("poster-2m").toString());
        var rendered = ImageIO.read(OUT.resolve("poster-2m.png").toFile());
        var image = new java.awt.image.BufferedImage(rendered.getWidth(), rendered.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.getGraphics().drawImage(rendered, 0, 0, null);
        float[] box = new float[9];
        java.util.Arrays.fill(box, 1f / 9);
        var blurred = new java.awt.image.ConvolveOp(new java.awt.image.Kernel(3, 3, box),
                java.awt.image.ConvolveOp.EDGE_NO_OP, null).filter(image, null);

        assertThat(blurred.getWidth()).isBetween(285, 295);
        assertThat(QrDecoding.decode(blurred)).isEqualTo(codes.issueUrl(venue));
    }

    /**
     * Share of dark pixels in a horizontal band: proves something is drawn there. Tofu boxes would be ink
     * too; what rules them out is {@link #embedsTheCjkFont()} and the pdftotext check of the Chinese name.
     */
    private static double darkPixelShare(java.awt.image.BufferedImage image, int left, int top, int bottom) {
        long dark = 0;
        long all = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                dark += luminance < 100 ? 1 : 0;
                all++;
            }
        }
        return (double) dark / all;
    }

    /** poppler-utils from the command line; absent locally means skipped, absent under CI means failed. */
    static final class ExternalTools {

        static void requirePoppler() {
            boolean present = List.of("/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm").stream().anyMatch(p -> Files.isExecutable(Path.of(p)));
            if (!present && !"true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assumptions.abort("pdftoppm not found: install poppler-utils to check the PDF poster");
            }
            assertThat(present).as("pdftoppm (poppler-utils) is required under CI=true").isTrue();
        }

        static String run(String... command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
            assertThat(process.exitValue()).as("%s exit code; output: %s", command[0], output).isZero();
            return output;
        }
    }
}
