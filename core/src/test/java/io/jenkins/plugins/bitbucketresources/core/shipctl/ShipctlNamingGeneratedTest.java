package io.jenkins.plugins.bitbucketresources.core.shipctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.naming.VariablePrefix;
import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import io.jenkins.plugins.bitbucketresources.core.testing.RealShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random names through the script's naming functions under every shell, against the engine's {@link VariablePrefix}:
 * {@code get_resource_name} is the prefix (or a usage error when there is none), and {@code sanitize_shippable_string}
 * is the prefix before upper-casing. Each shell runs the script once over all the names of a generated case.
 */
class ShipctlNamingGeneratedTest {

    private static final int NAMES = 120;

    /** Calls one function once per name, each in its own run of the script, and prints {@code <exit code> <output>}. */
    private static final String DRIVER = """
            function=$1
            shift
            for name in "$@"; do
                output=$(SHELL_COMMAND "$SHIPCTL" "$function" "$name" 2>/dev/null)
                code=$?
                printf '%s %s\\n' "$code" "$output"
            done
            """;

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = LOWER.toUpperCase(Locale.ROOT);
    private static final String DIGITS = "0123456789";
    /** Shell syntax, glob and quoting characters: the script must take every one of them literally. */
    private static final String PUNCTUATION = "-.-/~@:+=,%^!#$&*()[]{}<>?|;'\"`\\ \t\n";
    /** Letters outside ASCII, some of which Java upper-cases into ASCII (ß, ı) or that look like ASCII (K, İ). */
    private static final int[] NON_ASCII = {
        '\u00e9', '\u00df', '\u0131', '\u0130', '\u212a', '\u00fc', '\u0416', '\u20ac', 0x1F600
    };

    @TempDir
    Path directory;

    private Path driver;

    @BeforeEach
    void writeScripts() throws IOException {
        ShipctlScript.writeInto(directory);
        driver = directory.resolve("driver.sh");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void resourceNameIsTheEnginesPrefix(RealShell shell) {
        eachGeneratedName(shell, "get_resource_name", (name, answer) -> {
            Optional<String> prefix = VariablePrefix.of(name);
            assertThat(answer)
                    .as(describe(name))
                    .isEqualTo(prefix.map(p -> new Answer(0, p)).orElse(new Answer(2, "")));
        });
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void sanitizedStringIsTheEnginesPrefixBeforeUpperCasing(RealShell shell) {
        eachGeneratedName(shell, "sanitize_shippable_string", (name, answer) -> {
            assertThat(answer.exitCode()).as(describe(name)).isZero();
            assertThat(answer.output().toUpperCase(Locale.ROOT))
                    .as(describe(name))
                    .isEqualTo(VariablePrefix.of(name).orElse(""));
            assertThat(isTakenInOrderFrom(answer.output(), name))
                    .as(describe(name) + ": `" + answer.output() + "` keeps the name's case")
                    .isTrue();
        });
    }

    /** Calls {@code function} under {@code shell} with each name of a generated case, and checks each answer. */
    private void eachGeneratedName(RealShell shell, String function, BiConsumer<String, Answer> check) {
        shell.assumeInstalled();
        GeneratedCases.check(1, generate -> {
            List<String> names = names(generate);
            List<Answer> answers = call(shell, function, names);
            for (int i = 0; i < names.size(); i++) {
                check.accept(names.get(i), answers.get(i));
            }
        });
    }

    private List<Answer> call(RealShell shell, String function, List<String> names) throws IOException {
        Files.writeString(driver, DRIVER.replace("SHELL_COMMAND", shell.commandLine()));
        List<String> arguments = new ArrayList<>();
        arguments.add(function);
        arguments.addAll(names);
        Command.Result result = shell.run(
                driver, Map.of("SHIPCTL", directory.resolve("shipctl").toString()), arguments.toArray(String[]::new));
        assertThat(result.err()).as("the driver's standard error").isEmpty();
        List<Answer> answers = result.out().lines().map(Answer::parse).toList();
        assertThat(answers).as("one answer a name").hasSize(names.size());
        return answers;
    }

    /** Whether every character of {@code output} is found, in order, in {@code name}: nothing changed case or moved. */
    private static boolean isTakenInOrderFrom(String output, String name) {
        int from = 0;
        for (char c : output.toCharArray()) {
            int at = name.indexOf(c, from);
            if (at < 0) {
                return false;
            }
            from = at + 1;
        }
        return true;
    }

    private static String describe(String name) {
        return "name `" + name.replace("\n", "\\n").replace("\t", "\\t") + "`";
    }

    private static List<String> names(Generator generate) {
        return generate.list(NAMES, NAMES, () -> name(generate));
    }

    private static String name(Generator generate) {
        RandomGenerator random = generate.random();
        StringBuilder name = new StringBuilder();
        if (random.nextInt(3) == 0) {
            name.append(generate.string(random.nextBoolean() ? DIGITS : PUNCTUATION, 1, 3));
        }
        int length = 1 + random.nextInt(24);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(100);
            if (kind < 35) {
                name.appendCodePoint(generate.codePointOf(LOWER));
            } else if (kind < 50) {
                name.appendCodePoint(generate.codePointOf(UPPER));
            } else if (kind < 68) {
                name.appendCodePoint(generate.codePointOf(DIGITS));
            } else if (kind < 75) {
                name.append('_');
            } else if (kind < 93) {
                name.appendCodePoint(generate.codePointOf(PUNCTUATION));
            } else {
                name.appendCodePoint(NON_ASCII[random.nextInt(NON_ASCII.length)]);
            }
        }
        return name.toString();
    }

    record Answer(int exitCode, String output) {
        static Answer parse(String line) {
            int space = line.indexOf(' ');
            return new Answer(Integer.parseInt(line.substring(0, space)), line.substring(space + 1));
        }
    }
}
