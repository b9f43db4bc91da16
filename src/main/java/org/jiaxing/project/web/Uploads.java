package org.jiaxing.project.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jiaxing.project.domain.Upload;
import org.springframework.web.multipart.MultipartFile;

/** Multipart files to uploads (the domain checks type and size). */
final class Uploads {

    private Uploads() {
    }

    static List<Upload> of(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> f != null && !f.isEmpty()).map(f -> {
            try {
                return new Upload(f.getOriginalFilename(), f.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
