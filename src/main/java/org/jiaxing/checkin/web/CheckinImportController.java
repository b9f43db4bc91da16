package org.jiaxing.checkin.web;

import java.io.IOException;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.checkin.InvalidCheckin;
import org.jiaxing.checkin.InvalidCheckinFile;
import org.jiaxing.checkin.domain.CheckinImporter;
import org.jiaxing.checkin.domain.CheckinProperties;
import org.jiaxing.shared.web.JiaxingException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload a digitised paper register and see what was recorded, or every bad row with its line. */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_ADMIN','TRACER')")
class CheckinImportController {

    private static final String PAGE = "checkin/import";

    private final CheckinImporter importer;
    private final CheckinProperties checkins;
    private final MessageSource messages;

    CheckinImportController(CheckinImporter importer, CheckinProperties checkins, MessageSource messages) {
        this.importer = importer;
        this.checkins = checkins;
        this.messages = messages;
    }

    @ModelAttribute
    void limits(Model model) {
        model.addAttribute("maxRows", importer.limits().maxRows());
        model.addAttribute("maxMegabytes", importer.limits().maxMegabytes());
        model.addAttribute("retentionDays", checkins.retention().toDays());
    }

    @GetMapping("/checkins/import")
    String form() {
        return PAGE;
    }

    @PostMapping("/checkins/import")
    String upload(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal StaffUser user,
            Locale locale, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidCheckinFile.empty();
            }
            model.addAttribute("report", importer.importFile(file.getOriginalFilename(), file.getBytes(), user));
        } catch (InvalidCheckinFile | InvalidCheckin e) {
            model.addAttribute("fileError", message(e, locale));
        }
        return PAGE;
    }

    private String message(JiaxingException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.messageArgs(), e.messageKey(), locale);
    }
}
