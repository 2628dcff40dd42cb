package io.kabar.article.publishing;

/** Where commands go to their owner; the requester's only side effect, so that tests can pass a lambda. */
@FunctionalInterface
interface CommandLog {

    /** Returns once the log has acknowledged the command, or throws {@link Unavailable} having recorded nothing. */
    void send(Command command);

    /** The log could not take the command in time. */
    class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
