package org.jiaxing.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secret keys kept in files under {@code ./data/keys}: created on first use with mode 600 (the
 * directory 700) from the start, so no other user can ever read them; or given in the environment.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /**
     * The key from {@code fromEnvironment} (base64) when set, else from the file, created when missing.
     */
    public static byte[] readOrCreate(Path file, int length, String fromEnvironment) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            byte[] key = Base64.getDecoder().decode(fromEnvironment.strip());
            if (key.length < length) {
                throw new IllegalStateException("A configured key must have at least " + length + " bytes");
            }
            return key;
        }
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            byte[] key = new byte[length];
            RANDOM.nextBytes(key);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            return key;
        } catch (FileAlreadyExistsException raced) {
            return readOrCreate(file, length, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }
}
