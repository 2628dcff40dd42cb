package io.kabar.article.publishing;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/** The annotated text may take at most {@link #value()} bytes in UTF-8. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxUtf8Bytes.Validator.class)
@interface MaxUtf8Bytes {

    int value();

    String message() default "must be at most {value} bytes of UTF-8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Counts UTF-8 bytes without encoding the text. */
    class Validator implements ConstraintValidator<MaxUtf8Bytes, String> {

        private int max;

        @Override
        public void initialize(MaxUtf8Bytes annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.length() * 3L <= max) {
                return true;
            }
            return value.getBytes(StandardCharsets.UTF_8).length <= max;
        }
    }
}
