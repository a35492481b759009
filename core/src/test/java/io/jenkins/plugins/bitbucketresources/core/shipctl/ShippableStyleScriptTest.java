package io.jenkins.plugins.bitbucketresources.core.shipctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.RealShell;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A script written for Shippable, unchanged, with {@code shipctl} found on the PATH as a block puts it there. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ShippableStyleScriptTest {

    private static final String EXPECTED = "app-repo acme/app at " + ShipctlBlock.APP_COMMIT
            + " through https://api.bitbucket.org/2.0 as ci-bot@example.com\n"
            + "2nd-repo is NDREPO (PROJ/second, first branch main)\n"
            + "the token is the block's\n"
            + "2nd-repo has no commit (shipctl exited 5)\n"
            + "state is not kept (shipctl exited 99)\n";

    @TempDir
    Path bin;

    @TempDir
    Path work;

    private Path script;
    private Map<String, String> environment;

    @BeforeEach
    void putShipctlOnThePath() throws IOException {
        ShipctlScript.writeInto(bin);
        script = work.resolve("build.sh");
        try (InputStream in = getClass().getResourceAsStream("shippable-style.sh")) {
            Files.write(script, in.readAllBytes());
        }
        environment = new HashMap<>(ShipctlBlock.variables());
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void runsUnchanged(RealShell shell) {
        shell.assumeInstalled();
        Command.Result result = shell.run(script, environment);

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(EXPECTED);
        assertThat(result.exitCode()).isZero();
    }
}
