package io.kabar.notification.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Peer} started as a child JVM on this JVM's class path: asks it one command at a time and reads its CPU
 * time. Its output is read all along (so that its logging can never fill the pipe and block it): answers are handed
 * to the asker, anything else goes to this process's standard error.
 */
final class PeerProcess implements AutoCloseable {

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final String greeting;

    private PeerProcess(Process process) {
        this.process = process;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("peer-output").start(this::readOutput);
        this.greeting = read();
    }

    /** Starts {@code Peer} with those arguments and a heap of {@code maxHeap}, and waits for its greeting. */
    static PeerProcess start(String maxHeap, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + maxHeap,
                "-XX:+UseParallelGC",
                "-cp",
                System.getProperty("java.class.path")));
        for (String property : List.of("logback.configurationFile", "org.apache.avro.SERIALIZABLE_PACKAGES")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add(Peer.class.getName());
        command.addAll(List.of(arguments));
        try {
            return new PeerProcess(new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the peer said once it was ready (the broker's address, the receivers' base URLs). */
    String greeting() {
        return greeting;
    }

    synchronized String ask(String command) {
        commands.println(command);
        return read();
    }

    /** CPU time the peer's process has used so far (all its threads). */
    long cpuNanos() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private void readOutput() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(Peer.ANSWER)) {
                    answers.add(line.substring(Peer.ANSWER.length()));
                } else {
                    System.err.println(line);
                }
            }
        } catch (IOException e) {
            // The peer is gone: read() says so.
        }
    }

    private String read() {
        try {
            while (true) {
                String answer = answers.poll(1, TimeUnit.SECONDS);
                if (answer != null) {
                    return answer;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the peer process ended (exit " + process.exitValue() + ")");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the peer", e);
        }
    }

    /** Ends the peer by ending its input, so that it stops in order (a broker flushes its logs). */
    @Override
    public void close() {
        commands.close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
