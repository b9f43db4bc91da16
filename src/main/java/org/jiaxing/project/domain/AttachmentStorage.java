package org.jiaxing.project.domain;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where uploaded bytes live. The default keeps them on local disk under {@code {data-dir}/uploads/projects};
 * an object store (S3, OSS, MinIO) can replace it by providing another bean. Keys are generated here, never
 * taken from a user.
 */
public interface AttachmentStorage {

    /** Stores the bytes and returns the new key (letters, digits, one dot and an extension). */
    String store(byte[] bytes, String extension) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key) throws IOException;
}
