package org.jiaxing.project.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.jiaxing.shared.JiaxingProperties;
import org.springframework.stereotype.Component;

/**
 * Files under {@code {data-dir}/uploads/projects/<first two key characters>/<key>}. A key must match
 * {@code [0-9a-f]{32}\.[a-z0-9]{2,4}}, so a key from a URL cannot climb out of the directory. An object
 * store replaces it with a {@code @Primary} bean.
 */
@Component
class LocalAttachmentStorage implements AttachmentStorage {

    static final Pattern KEY = Pattern.compile("[0-9a-f]{32}\\.[a-z0-9]{2,4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    LocalAttachmentStorage(JiaxingProperties platform) {
        this.root = platform.dataDir().resolve("uploads").resolve("projects").toAbsolutePath().normalize();
    }

    @Override
    public String store(byte[] bytes, String extension) throws IOException {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String key = HexFormat.of().formatHex(random) + "." + extension;
        Path file = path(key);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "upload", ".part");
        Files.write(temp, bytes);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    Path path(String key) throws IOException {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new NoSuchFileException("invalid key");
        }
        Path file = root.resolve(key.substring(0, 2)).resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new NoSuchFileException("invalid key");
        }
        return file;
    }
}
