package org.jiaxing.project.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jiaxing.account.StaffUser;
import org.jiaxing.project.ProjectNotFound;
import org.jiaxing.project.domain.Attachment;
import org.jiaxing.project.domain.Attachments;
import org.jiaxing.project.domain.ProblemService;
import org.jiaxing.project.domain.ProjectAccess;
import org.jiaxing.project.domain.ProjectService;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Uploaded files, to those who may see the project (or, for a problem's files, the problem). Served with
 * the type found by content, {@code nosniff}, and as an attachment unless it is an image or a video.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class FileController {

    private final Attachments attachments;
    private final ProjectService projects;
    private final ProjectAccess access;
    private final ProblemService problems;

    FileController(Attachments attachments, ProjectService projects, ProjectAccess access, ProblemService problems) {
        this.attachments = attachments;
        this.projects = projects;
        this.access = access;
        this.problems = problems;
    }

    private java.io.InputStream open(Attachment a) throws IOException {
        try {
            return attachments.open(a);
        } catch (java.nio.file.NoSuchFileException e) {
            throw ProjectNotFound.file();
        }
    }

    @GetMapping("/projects/files/{key}")
    @PreAuthorize("hasAnyRole('SUPERVISOR','CITY_ADMIN','TOWN_ADMIN','PROJECT_MEMBER','DEPARTMENT')")
    ResponseEntity<InputStreamResource> file(@PathVariable String key, @AuthenticationPrincipal StaffUser user)
            throws IOException {
        Attachment a = attachments.byKey(key).orElseThrow(ProjectNotFound::file);
        boolean visible = projects.find(a.projectId()).map(p -> access.canView(p, user)).orElse(false)
                || "PROBLEM".equals(a.ownerType()) && problems.all().stream()
                        .anyMatch(p -> p.id() == a.ownerId() && problems.canView(p, user));
        if (!visible) {
            throw ProjectNotFound.file();
        }
        ContentDisposition disposition = (a.isImage() || a.isVideo() ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(a.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.mediaType())).contentLength(a.size())
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(open(a)));
    }
}
