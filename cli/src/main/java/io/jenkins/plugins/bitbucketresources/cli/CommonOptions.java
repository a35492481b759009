package io.jenkins.plugins.bitbucketresources.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that reads a resources file takes. */
final class CommonOptions {

    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "The resources file (YAML).")
    Path config;

    @Option(
            names = {"-j", "--job"},
            paramLabel = "FOLDER/.../JOB",
            description =
                    "The job's full name: its folders' resources are visible, nearest first, then the global ones.")
    String job;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    Optional<String> job() {
        return Optional.ofNullable(job);
    }
}
