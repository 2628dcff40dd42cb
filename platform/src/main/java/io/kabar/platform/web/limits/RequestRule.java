package io.kabar.platform.web.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Which requests a limit applies to: a path pattern such as {@code /api/articles/**} and methods (none: all). */
record RequestRule(PathPattern path, Set<String> methods) {

    static RequestRule of(String path, List<String> methods) {
        return new RequestRule(
                PathPatternParser.defaultInstance.parse(path),
                methods.stream().map(m -> m.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet()));
    }

    boolean matches(HttpServletRequest request) {
        if (!methods.isEmpty() && !methods.contains(request.getMethod())) {
            return false;
        }
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return path.matches(PathContainer.parsePath(uri));
    }
}
