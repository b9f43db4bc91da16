package org.jiaxing.code.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openpdf.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the CJK font for PDF posters: the configured {@code jiaxing.code.poster-font}, else the usual
 * places of Noto Sans CJK (Debian's {@code fonts-noto-cjk} and its counterparts) and WenQuanYi. In a
 * font collection (.ttc) without an explicit index the Simplified Chinese face is chosen by name
 * (Noto's collection holds JP, KR, SC, TC and HK faces; SC is index 2 in fonts-noto-cjk 2.x).
 */
@Component
public class PosterFont {

    private static final Logger log = LoggerFactory.getLogger(PosterFont.class);

    static final List<String> STANDARD_LOCATIONS = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
            "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc");

    /** Face index per collection file: listing the faces reads the file's header. */
    private static final Map<Path, Integer> FACES = new ConcurrentHashMap<>();

    private final CodeProperties properties;

    public PosterFont(CodeProperties properties) {
        this.properties = properties;
    }

    /**
     * The font as OpenPDF names it ({@code path} or {@code path,index}), or empty when none is there.
     * Looked up on every call: installing the font package fixes the PDF without a restart.
     */
    public Optional<String> locate() {
        if (properties.hasPosterFont()) {
            String configured = properties.posterFont().strip();
            int comma = configured.lastIndexOf(',');
            Path file = Path.of(comma > 0 && configured.substring(comma + 1).matches("\\d+")
                    ? configured.substring(0, comma) : configured);
            if (!Files.isReadable(file)) {
                log.warn("jiaxing.code.poster-font {} is not a readable file", file);
                return Optional.empty();
            }
            return Optional.of(withFace(configured, file));
        }
        return STANDARD_LOCATIONS.stream().map(Path::of).filter(Files::isReadable).findFirst()
                .map(file -> withFace(file.toString(), file));
    }

    /** Adds the Simplified Chinese face index to a collection named without one. */
    private static String withFace(String name, Path file) {
        boolean collection = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc");
        if (!collection || !name.equals(file.toString())) {
            return name;
        }
        return name + "," + simplifiedChineseFace(file);
    }

    static int simplifiedChineseFace(Path collection) {
        return FACES.computeIfAbsent(collection, PosterFont::findSimplifiedChineseFace);
    }

    private static int findSimplifiedChineseFace(Path collection) {
        try {
            String[] faces = BaseFont.enumerateTTCNames(collection.toString());
            for (int i = 0; i < faces.length; i++) {
                String face = faces[i].toLowerCase(Locale.ROOT);
                if (face.contains("cjksc") || face.endsWith(" sc")) {
                    return i;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("Cannot list the faces of {}; using the first", collection);
        }
        return 0;
    }
}
