package org.jiaxing.venue.web;

import java.io.IOException;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.InvalidImportFile;
import org.jiaxing.venue.VenueAccessDenied;
import org.jiaxing.venue.domain.ImportReport;
import org.jiaxing.venue.domain.VenueImporter;
import org.jiaxing.venue.domain.VenueQueries;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload a CSV or XLSX file and see what was imported and what was wrong, row by row. */
@Controller
class VenueImportController {

    private static final String PAGE = "venue/import";

    private final VenueImporter importer;
    private final VenueQueries queries;
    private final MessageSource messages;

    VenueImportController(VenueImporter importer, VenueQueries queries, MessageSource messages) {
        this.importer = importer;
        this.queries = queries;
        this.messages = messages;
    }

    @GetMapping("/venues/import")
    String form(@AuthenticationPrincipal StaffUser user) {
        requireWriter(user);
        return PAGE;
    }

    @PostMapping("/venues/import")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String mode,
            @AuthenticationPrincipal StaffUser user, Locale locale, Model model) throws IOException {
        requireWriter(user);
        model.addAttribute("validOnly", "valid-only".equals(mode));
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidImportFile.empty();
            }
            ImportReport report = importer.importFile(file.getOriginalFilename(), file.getBytes(),
                    ImportModes.parse(mode), user);
            model.addAttribute("report", report);
        } catch (InvalidImportFile e) {
            model.addAttribute("fileError", messages.getMessage(e.messageKey(), e.messageArgs(), locale));
        }
        return PAGE;
    }

    private void requireWriter(StaffUser user) {
        if (!queries.canWrite(user)) {
            throw VenueAccessDenied.toChange();
        }
    }
}
