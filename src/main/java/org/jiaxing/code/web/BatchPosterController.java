package org.jiaxing.code.web;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.BatchPosterRefused;
import org.jiaxing.code.domain.BatchPosterJob;
import org.jiaxing.code.domain.BatchPosterJobs;
import org.jiaxing.org.Town;
import org.jiaxing.org.Towns;
import org.jiaxing.venue.VenueCategory;
import org.jiaxing.venue.VenueDirectory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Batch posters of a town and/or category, built in the background with live progress (htmx polling). */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_ADMIN')")
class BatchPosterController {

    private final BatchPosterJobs jobs;
    private final Towns towns;
    private final VenueDirectory venues;

    BatchPosterController(BatchPosterJobs jobs, Towns towns, VenueDirectory venues) {
        this.jobs = jobs;
        this.towns = towns;
        this.venues = venues;
    }

    @GetMapping("/posters")
    String page(@AuthenticationPrincipal StaffUser user, Model model) {
        List<Town> choosable = user.hasRole(Role.CITY_ADMIN) ? towns.all()
                : towns.byCode(user.townCode()).stream().toList();
        model.addAttribute("towns", choosable);
        model.addAttribute("cityWide", user.hasRole(Role.CITY_ADMIN));
        model.addAttribute("categories", venues.categories());
        model.addAttribute("jobs", jobs.jobsOf(user));
        addNames(model);
        return "code/posters";
    }

    @PostMapping("/posters/jobs")
    String start(@RequestParam(required = false) String town, @RequestParam(required = false) String category,
            @AuthenticationPrincipal StaffUser user) {
        jobs.start(town, category, user);
        return "redirect:/posters";
    }

    /** The progress fragment; it polls itself every second until the job has finished. */
    @GetMapping("/posters/jobs/{id}")
    String progress(@PathVariable String id, @AuthenticationPrincipal StaffUser user, Model model) {
        BatchPosterJob.View job = jobs.find(id, user).orElseThrow(BatchPosterRefused::jobNotFound);
        model.addAttribute("job", job);
        addNames(model);
        return "code/poster-job :: job";
    }

    /** Town and category by code, for the scope line of each job. */
    private void addNames(Model model) {
        model.addAttribute("townNames", towns.all().stream().collect(Collectors.toMap(Town::code, town -> town)));
        model.addAttribute("categoryNames", venues.categories().stream()
                .collect(Collectors.toMap(VenueCategory::code, category -> category)));
    }

    @GetMapping("/posters/jobs/{id}/download")
    ResponseEntity<Resource> download(@PathVariable String id, @AuthenticationPrincipal StaffUser user) {
        BatchPosterJob.View job = jobs.find(id, user).orElseThrow(BatchPosterRefused::jobNotFound);
        Path file = jobs.file(id, user).orElseThrow(BatchPosterRefused::jobNotFound);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(job.fileName()).build().toString())
                .body(new FileSystemResource(file));
    }
}
