package io.kabar.article.publishing;

import io.kabar.article.auth.NewsroomScopes;
import org.springframework.security.core.Authentication;

/**
 * Who asks for a change, as their token says: the subject every event records as {@code changedBy}, and whether
 * they may mark an article breaking.
 */
record Caller(String subject, boolean mayMarkBreaking) {

    static Caller of(Authentication authentication) {
        String breaking = NewsroomScopes.authority(NewsroomScopes.BREAKING);
        return new Caller(
                authentication.getName(),
                authentication.getAuthorities().stream().anyMatch(a -> breaking.equals(a.getAuthority())));
    }
}
