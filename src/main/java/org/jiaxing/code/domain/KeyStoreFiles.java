package org.jiaxing.code.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.jiaxing.shared.JiaxingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Private signing keys as PEM files (PKCS#8) in {@code {data-dir}/keys}: the directory mode 700, each
 * file mode 600, created with those modes from the start (never briefly world-readable). Only the
 * public halves go to the database.
 */
@Component
public class KeyStoreFiles {

    private static final Logger log = LoggerFactory.getLogger(KeyStoreFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private final Path directory;

    public KeyStoreFiles(JiaxingProperties properties) {
        this.directory = properties.dataDir().resolve("keys").toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    public Path fileOf(int kid) {
        return directory.resolve("venue-code-key-" + kid + ".pem");
    }

    public Optional<PrivateKey> read(int kid) {
        Path file = fileOf(kid);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        warnIfReadableByOthers(file);
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String body = pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
            return Optional.of(Ed25519.privateKeyFromPkcs8(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The signing key file " + file + " is not an Ed25519 PKCS#8 PEM file", e);
        }
    }

    /** Writes a new key; refuses to overwrite an existing file (a key id is never reused). */
    public Path write(int kid, PrivateKey key) {
        Path file = fileOf(kid);
        try {
            createPrivateDirectory();
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            Path temporary = createPrivateFile(directory.resolve(file.getFileName() + ".tmp"));
            Files.writeString(temporary, pem(key), StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signing key " + file, e);
        }
    }

    /** A retired key never signs again, so its private half is removed. */
    public void delete(int kid) {
        try {
            Files.deleteIfExists(fileOf(kid));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the retired signing key " + fileOf(kid), e);
        }
    }

    private void createPrivateDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.getParent());
        if (posix()) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIR); // the umask may have narrowed it further
        } else {
            Files.createDirectory(directory);
            log.warn("The file system of {} has no POSIX permissions: protect the signing keys by other means",
                    directory);
        }
    }

    private Path createPrivateFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            return file;
        }
        return Files.createFile(file);
    }

    private boolean posix() {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private void warnIfReadableByOthers(Path file) {
        try {
            if (posix() && !OWNER_ONLY_FILE.containsAll(Files.getPosixFilePermissions(file))) {
                log.warn("The signing key {} is readable by others; run: chmod 600 {}", file, file);
            }
        } catch (IOException e) {
            log.warn("Cannot check the permissions of {}", file);
        }
    }

    private static String pem(PrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return BEGIN + "\n" + body + "\n" + END + "\n";
    }
}
