package org.jiaxing.project.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiaxing.project.InvalidProjectInput;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checks uploads (count, type by content, size per kind) before anything is written, stores the bytes and
 * records them. When the surrounding transaction rolls back, the stored files are deleted again.
 */
@Component
public class Attachments {

    private final AttachmentStorage storage;
    private final JdbcClient jdbc;
    private final ProjectProperties.Uploads limits;
    private final ProjectTime time;

    Attachments(AttachmentStorage storage, JdbcClient jdbc, ProjectProperties properties, ProjectTime time) {
        this.storage = storage;
        this.jdbc = jdbc;
        this.limits = properties.uploads();
        this.time = time;
    }

    /** Validates every upload; throws {@link InvalidProjectInput} for the first bad one. Empty files are ignored. */
    public List<Checked> check(List<Upload> uploads) {
        List<Upload> real = uploads == null ? List.of()
                : uploads.stream().filter(u -> u != null && u.bytes() != null && u.bytes().length > 0).toList();
        if (real.size() > limits.maxFiles()) {
            throw InvalidProjectInput.of("project.error.upload.count", limits.maxFiles());
        }
        List<Checked> checked = new ArrayList<>();
        for (Upload upload : real) {
            String name = safeName(upload.fileName());
            MediaType type = MediaType.sniff(upload.bytes()).orElseThrow(() -> InvalidProjectInput.unsupportedType(name));
            long max = switch (type.kind()) {
                case IMAGE -> limits.maxImageSize().toBytes();
                case VIDEO -> limits.maxVideoSize().toBytes();
                case FILE -> limits.maxFileSize().toBytes();
            };
            if (upload.bytes().length > max) {
                throw InvalidProjectInput.tooLarge(name, max);
            }
            checked.add(new Checked(name, type, upload.bytes()));
        }
        return checked;
    }

    public record Checked(String fileName, MediaType type, byte[] bytes) {
    }

    /** Stores checked uploads for an owner; call inside the transaction that creates the owner. */
    public void save(String ownerType, long ownerId, long projectId, List<Checked> files) {
        for (Checked file : files) {
            String key;
            try {
                key = storage.store(file.bytes(), file.type().extension());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store upload", e);
            }
            deleteOnRollback(key);
            jdbc.sql("""
                    INSERT INTO project_attachment (owner_type, owner_id, project_id, storage_key, file_name, media_type,
                        size_bytes, created_at) VALUES (:type, :owner, :project, :key, :name, :mime, :size, :now)""")
                    .param("type", ownerType).param("owner", ownerId).param("project", projectId).param("key", key)
                    .param("name", file.fileName()).param("mime", file.type().mime()).param("size", file.bytes().length)
                    .param("now", DbTime.toDb(time.now())).update();
        }
    }

    private void deleteOnRollback(String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        try {
                            storage.delete(key);
                        } catch (IOException ignored) {
                            // an orphan file is harmless; it is never linked
                        }
                    }
                }
            });
        }
    }

    public Map<Long, List<Attachment>> of(String ownerType, Collection<Long> ownerIds) {
        Map<Long, List<Attachment>> map = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return map;
        }
        jdbc.sql("""
                SELECT id, owner_type, owner_id, project_id, storage_key, file_name, media_type, size_bytes
                FROM project_attachment WHERE owner_type = :type AND owner_id IN (:ids) ORDER BY id""")
                .param("type", ownerType).param("ids", ownerIds).query(Attachments::row).list()
                .forEach(a -> map.computeIfAbsent(a.ownerId(), k -> new ArrayList<>()).add(a));
        return map;
    }

    public Optional<Attachment> byKey(String key) {
        return jdbc.sql("""
                SELECT id, owner_type, owner_id, project_id, storage_key, file_name, media_type, size_bytes
                FROM project_attachment WHERE storage_key = :key""").param("key", key).query(Attachments::row)
                .optional();
    }

    public InputStream open(Attachment attachment) throws IOException {
        return storage.open(attachment.key());
    }

    private static Attachment row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Attachment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8));
    }

    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "file";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (base.isEmpty()) {
            return "file";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
