package org.jiaxing.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.audit.ChainCheck;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('CITY_ADMIN')")
@Tag(name = "Audit", description = "The hash-chained audit trail (CITY_ADMIN only)")
class AuditApiController {

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit/verify")
    @Operation(summary = "Recompute the hash chain from the anchor on; reports the first entry that does not fit",
            description = "intact=false with firstBrokenSequence and breakage (HASH_MISMATCH, LINK_MISMATCH, "
                    + "SEQUENCE_GAP, HEAD_MISMATCH) when an entry was changed, removed or added. anchoredAt is the "
                    + "last entry removed by the audit retention purge (0: none); the check starts from its hash")
    VerifyJson verify() {
        ChainCheck check = audit.verifyChain();
        return new VerifyJson(check.isIntact(), check.checkedEntries(), check.firstBrokenSequence(), check.breakage(),
                check.anchoredAt());
    }

    record VerifyJson(boolean intact, long checkedEntries, Long firstBrokenSequence, ChainCheck.Breakage breakage,
            long anchoredAt) {
    }
}
