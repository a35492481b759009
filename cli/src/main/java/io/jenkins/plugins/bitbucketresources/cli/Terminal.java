package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.ClientSettings;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command gets from the process that runs it: its streams, its environment, its working directory, and how it
 * talks to Bitbucket (timeouts, retries, time). Tests hand in their own; what the command line tells of its proxy is
 * added to every one.
 */
record Terminal(
        PrintStream out,
        PrintStream err,
        InputStream in,
        Map<String, String> environment,
        Path workingDirectory,
        boolean interactive,
        ClientSettings clientSettings) {

    Terminal {
        environment = Map.copyOf(environment);
        clientSettings = clientSettings.withProxyAdvice(HttpClients.PROXY_ADVICE);
    }

    static Terminal system() {
        return new Terminal(
                System.out,
                System.err,
                System.in,
                System.getenv(),
                Path.of("").toAbsolutePath(),
                System.console() != null,
                ClientSettings.defaults());
    }
}
