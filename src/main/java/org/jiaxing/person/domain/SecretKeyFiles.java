package org.jiaxing.person.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.jiaxing.shared.JiaxingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The person keys as files in {@code {data-dir}/keys}: 32 random bytes, base64, one per file. The
 * directory is created with mode 700 and each file with mode 600 from the start (written to a private
 * temporary file, then moved), so there is no moment when another user could read a key.
 */
@Component
public class SecretKeyFiles {

    static final int KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SecretKeyFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public SecretKeyFiles(JiaxingProperties platform) {
        this.directory = platform.dataDir().resolve("keys").toAbsolutePath();
    }

    public Path fileOf(String name) {
        return directory.resolve(name);
    }

    /** The key in the file, generating the file first when it does not exist yet. */
    byte[] readOrGenerate(String name) {
        Path file = fileOf(name);
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        write(file, key);
        log.info("Generated the person key {}; back it up with the database: without it the stored persons "
                + "cannot be read", file);
        return key;
    }

    /** The names of the files in the key directory (none before the first key is generated). */
    java.util.List<String> names() {
        if (!Files.isDirectory(directory)) {
            return java.util.List.of();
        }
        try (var files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the key directory " + directory, e);
        }
    }

    byte[] read(String name) {
        return read(fileOf(name));
    }

    static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must hold " + KEY_BYTES + " bytes (base64 of 32 random "
                    + "bytes, e.g. openssl rand -base64 32), not " + key.length);
        }
        return key;
    }

    private byte[] read(Path file) {
        warnIfReadableByOthers(file);
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "The key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + file, e);
        }
    }

    private void write(Path file, byte[] key) {
        try {
            createPrivateDirectory();
            Path temporary = createPrivateFile(directory.resolve(file.getFileName() + ".tmp"));
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            // no REPLACE_EXISTING: a key that appeared meanwhile (another process) must not be overwritten
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key file " + file, e);
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
            log.warn("The file system of {} has no POSIX permissions: protect the person keys by other means",
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
                log.warn("The person key {} is readable by others; run: chmod 600 {}", file, file);
            }
        } catch (IOException e) {
            log.warn("Cannot check the permissions of {}", file);
        }
    }
}
