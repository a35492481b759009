package io.jenkins.plugins.bitbucketresources.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpAndVersionTest {

    private static final Path README =
            Path.of("..", "README.md").toAbsolutePath().normalize();

    private final CliRunner cli = new CliRunner(Path.of("").toAbsolutePath(), Map.of());

    @Test
    void versionNamesTheBuildAndTheJava() {
        CliRunner.Result result = cli.run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().toList())
                .satisfiesExactly(
                        line -> assertThat(line).matches("bitbucket-resources \\d+\\.\\d+[-.\\w]*"),
                        line -> assertThat(line).startsWith("Java " + Runtime.version()));
    }

    @Test
    void helpIsACommand() {
        CliRunner.Result result = cli.run("help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .startsWith("Usage: bitbucket-resources [-hV] [COMMAND]")
                .contains("  help   ");
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"env", "check", "run"})
    void helpOfACommandIsItsUsage(String command) {
        CliRunner.Result result = cli.run("help", command);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: bitbucket-resources " + command + " ");
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        CliRunner.Result result = cli.run("help", "nope");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("bitbucket-resources: Unknown subcommand 'nope'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "env --help", "check --help", "run --help"})
    void theHelpListsEveryExitCode(String arguments) {
        CliRunner.Result result = cli.run(arguments.split(" "));
        assertThat(result.exitCode()).isZero();
        String help =
                result.out().substring(result.out().indexOf("\nExit codes:\n")).replaceAll("\\s+", " ");
        StringBuilder expected = new StringBuilder(" Exit codes: ");
        ExitCodes.DOCUMENTED.forEach(code ->
                expected.append(code.code()).append(' ').append(code.meaning()).append(' '));
        assertThat(help).isEqualTo(expected.toString());
    }

    @Test
    void theReadmeTableOfExitCodesIsTheOneTheHelpPrints() throws IOException {
        String readme = Files.readString(README);
        String section = readme.substring(
                readme.indexOf("\n## The command line\n"), readme.indexOf("\n## The resources file\n"));
        Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\| (.+) \\|$").matcher(section);
        List<ExitCodes.Documented> table = new ArrayList<>();
        while (row.find()) {
            table.add(new ExitCodes.Documented(row.group(1), row.group(2).replace("\\|", "|")));
        }
        assertThat(table).isEqualTo(ExitCodes.DOCUMENTED);
    }
}
