package io.jenkins.plugins.bitbucketresources.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real git client with a home of its own: no system configuration, an empty global one (a test may write to it),
 * English messages, an identity for commits, and no terminal prompt (a prompt would wait on a developer's terminal).
 */
public final class GitClient {

    private final Path git;
    private final Path home;

    private GitClient(Path git, Path home) {
        this.git = git;
        this.home = home;
    }

    /** Skips the test when git is missing (fails it on CI). */
    public static GitClient withHome(Path home) {
        Path git = RequiredPrograms.require("git");
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GitClient(git, home);
    }

    public Path home() {
        return home;
    }

    /** The environment a user's shell would give git here, before any block adds to it. */
    public Map<String, String> environment() {
        Map<String, String> environment = Command.withPath(Map.of());
        environment.put("HOME", home.toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("LC_ALL", "C");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("GIT_AUTHOR_NAME", "Builder");
        environment.put("GIT_AUTHOR_EMAIL", "builder@example.com");
        environment.put("GIT_COMMITTER_NAME", "Builder");
        environment.put("GIT_COMMITTER_EMAIL", "builder@example.com");
        return environment;
    }

    /** {@code git args…} in {@code directory} with exactly {@code environment}. */
    public Command.Result run(Path directory, Map<String, String> environment, String... args) {
        return run(directory, environment, new byte[0], args);
    }

    /** {@code git args…} in {@code directory} with exactly {@code environment} and {@code input} on its standard input. */
    public Command.Result run(Path directory, Map<String, String> environment, byte[] input, String... args) {
        List<String> command = new ArrayList<>();
        command.add(git.toString());
        command.addAll(List.of(args));
        return Command.run(directory, environment, command, input);
    }

    /** The git program itself, for a caller that must stream to it (a server running {@code git http-backend}). */
    Path program() {
        return git;
    }
}
