package io.kabar.article.publishing;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of a takedown: why, for the audit log (a court order's reference, say). It travels in the command log, so
 * it must not quote the article it removes.
 */
record TakedownRequest(
        @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String reason) {}
