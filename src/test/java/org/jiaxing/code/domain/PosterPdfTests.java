package org.jiaxing.code.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.context.support.ResourceBundleMessageSource;

class PosterPdfTests {

    private PosterPdf pdf;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/code");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        pdf = new PosterPdf(new PosterFont(new CodeProperties(null, null, null, Duration.ofHours(1), 1024)), messages);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(pdf.available(), "no CJK font installed (apt-get install fonts-noto-cjk)");
        }
    }

    @Test
    void theDebianNotoCollectionUsesItsSimplifiedChineseFace() {
        var location = new PosterFont(new CodeProperties(null, null, null, Duration.ofHours(1), 1024)).locate();

        assertThat(location).hasValueSatisfying(font -> {
            if (font.startsWith("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")) {
                assertThat(font).endsWith(",2"); // JP, KR, SC, TC, HK: SC is the third face
            }
        });
    }

    @Test
    void longNamesAndAddressesAreShrunkToFitNotCut() throws Exception {
        String name = "平湖经济技术开发区" + "某某某国际商贸物流园区综合服务中心".repeat(4);
        String address = "浙江省嘉兴市平湖市当湖街道" + "新华中路与胜利路交叉口东北角商业综合体".repeat(5) + "一楼";
        PosterContent poster = new PosterContent("PH-9999", name, "物流快递", "Logistics / courier", "当湖街道",
                "Danghu Subdistrict", address, 3, 2, "https://jx.pinghu.gov.cn/c/AQIB");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (PosterPdf.PosterDocument document = pdf.open(out)) {
            document.add(poster);
        }

        String text = new PdfTextExtractor(new PdfReader(out.toByteArray())).getTextFromPage(1).replaceAll("\\s", "");
        assertThat(text).contains(name, address, "场所编号PH-9999·第3代·密钥2");
    }
}
