package io.jenkins.plugins.bitbucketresources.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: only subcommands do something. */
@Command(
        name = "bitbucket-resources",
        mixinStandardHelpOptions = true,
        versionProvider = BitbucketResourcesCommand.Version.class,
        description = {
            "Bitbucket integrations and named repository resources, outside Jenkins:",
            "validate a resources file, print the variables a resource yields, run a command with them."
        },
        footer = {
            "",
            "Exit codes: 0 ok; 2 usage error or invalid resources file; 3 a name that is not visible or resources that collide;",
            "4 a check or request against Bitbucket failed. `run` exits with its command's code (128+n when killed by signal n)."
        })
final class BitbucketResourcesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: env, check or run");
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BitbucketResourcesCommand.class.getPackage().getImplementationVersion();
            return new String[] {"bitbucket-resources " + (version == null ? "(development build)" : version)};
        }
    }
}
