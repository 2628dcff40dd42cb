package io.kabar.article.publishing;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/** The annotated instant, when present, fits the contract's timestamp-millis: milliseconds since 1970 in a long. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EpochMillis.Validator.class)
@interface EpochMillis {

    String message() default "must be between -292275055-05-16T16:47:04.192Z and +292278994-08-17T07:12:55.807Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Asks the instant for its epoch milliseconds, which overflows outside the range. */
    class Validator implements ConstraintValidator<EpochMillis, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                value.toEpochMilli();
                return true;
            } catch (ArithmeticException e) {
                return false;
            }
        }
    }
}
