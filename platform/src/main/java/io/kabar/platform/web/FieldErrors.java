package io.kabar.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * Names the field and the reason of each piece of bad input, from however Bean Validation, Spring MVC or Jackson
 * reported it, for {@link ProblemAdvice}'s {@code errors} list.
 */
final class FieldErrors {

    private FieldErrors() {}

    static List<ApiProblem.FieldError> of(ConstraintViolationException exception) {
        return exception.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
    }

    static List<ApiProblem.FieldError> of(BindingResult result) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        result.getFieldErrors()
                .forEach(e -> errors.add(new ApiProblem.FieldError(e.getField(), e.getDefaultMessage())));
        result.getGlobalErrors()
                .forEach(e -> errors.add(new ApiProblem.FieldError(e.getObjectName(), e.getDefaultMessage())));
        return errors;
    }

    static List<ApiProblem.FieldError> of(HandlerMethodValidationException exception) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                // A validated request body reports its own fields; a plain parameter is the field itself.
                String field = error instanceof FieldError f ? f.getField() : name;
                errors.add(new ApiProblem.FieldError(field, error.getDefaultMessage()));
            }
        });
        return errors;
    }

    static List<ApiProblem.FieldError> of(TypeMismatchException exception) {
        String field =
                exception instanceof MethodArgumentTypeMismatchException m ? m.getName() : exception.getPropertyName();
        Class<?> type = exception.getRequiredType();
        String reason = type == java.time.Instant.class
                ? "must be an ISO-8601 instant such as 2023-09-14T05:06:00Z"
                : "must be a valid " + (type == null ? "value" : type.getSimpleName());
        return List.of(new ApiProblem.FieldError(field, reason));
    }

    /** The JSON value Jackson could not bind, as a path such as {@code interests.tags[2]}; empty if it names none. */
    static List<ApiProblem.FieldError> of(JacksonException exception) {
        if (exception.getPath().isEmpty()) {
            return List.of();
        }
        String field = exception.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return List.of(new ApiProblem.FieldError(field, "has the wrong type or format"));
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
