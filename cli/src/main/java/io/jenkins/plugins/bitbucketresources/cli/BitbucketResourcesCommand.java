package io.jenkins.plugins.bitbucketresources.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: only subcommands do something. Its exit-code list is {@link ExitCodes#DOCUMENTED}, set in {@link Main}. */
@Command(
        name = "bitbucket-resources",
        mixinStandardHelpOptions = true,
        versionProvider = BitbucketResourcesCommand.Version.class,
        description = {
            "Bitbucket integrations and named repository resources, outside Jenkins:",
            "validate a resources file, print the variables a resource yields, run a command with them."
        })
final class BitbucketResourcesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "a command is required: env, check or run (`help COMMAND` tells more)");
    }

    /** The version the build wrote into {@code version.properties}, and the Java that runs it. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "bitbucket-resources " + version(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name", "") + ")"
            };
        }

        static String version() {
            Properties properties = new Properties();
            try (InputStream in = BitbucketResourcesCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                // Reported as unknown below.
            }
            String version = properties.getProperty("version", "");
            return version.isEmpty() || version.startsWith("${")
                    ? "(version unknown: built without resource filtering)"
                    : version;
        }
    }
}
