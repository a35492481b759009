package io.jenkins.plugins.bitbucketresources.core.shipctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.naming.VariablePrefix;
import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.RealShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random names through the script's naming functions under every shell, against the engine's {@link VariablePrefix}:
 * {@code get_resource_name} is the prefix (or a usage error when there is none), and {@code sanitize_shippable_string}
 * is the prefix before upper-casing. The seed is random unless {@code -Dshipctl.seed=N} sets it, and every failure
 * names it.
 */
class ShipctlNamingGeneratedTest {

    private static final long SEED = Long.getLong("shipctl.seed", RandomGenerator.getDefault().nextLong());
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
    private static final int[] NON_ASCII = {'\u00e9', '\u00df', '\u0131', '\u0130', '\u212a', '\u00fc', '\u0416', '\u20ac', 0x1F600};

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
    void resourceNameIsTheEnginesPrefix(RealShell shell) throws IOException {
        List<String> names = names();
        List<Answer> answers = call(shell, "get_resource_name", names);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<String> prefix = VariablePrefix.of(name);
            Answer expected = prefix.map(p -> new Answer(0, p)).orElse(new Answer(2, ""));
            assertThat(answers.get(i)).as(describe(name)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void sanitizedStringIsTheEnginesPrefixBeforeUpperCasing(RealShell shell) throws IOException {
        List<String> names = names();
        List<Answer> answers = call(shell, "sanitize_shippable_string", names);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Answer answer = answers.get(i);
            assertThat(answer.exitCode()).as(describe(name)).isZero();
            assertThat(answer.output().toUpperCase(Locale.ROOT)).as(describe(name)).isEqualTo(VariablePrefix.of(name).orElse(""));
            assertThat(isTakenInOrderFrom(answer.output(), name)).as(describe(name) + ": `" + answer.output() + "` keeps the name's case")
                    .isTrue();
        }
    }

    private List<Answer> call(RealShell shell, String function, List<String> names) throws IOException {
        shell.assumeInstalled();
        Files.writeString(driver, DRIVER.replace("SHELL_COMMAND", shell.commandLine()));
        List<String> arguments = new ArrayList<>();
        arguments.add(function);
        arguments.addAll(names);
        Command.Result result = shell.run(driver, Map.of("SHIPCTL", directory.resolve("shipctl").toString()),
                arguments.toArray(String[]::new));
        assertThat(result.err()).as("seed %d: the driver's standard error", SEED).isEmpty();
        List<Answer> answers = result.out().lines().map(Answer::parse).toList();
        assertThat(answers).as("seed %d: one answer a name", SEED).hasSize(names.size());
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
        return "seed " + SEED + " (rerun with -Dshipctl.seed=" + SEED + "), name `" + name.replace("\n", "\\n").replace("\t", "\\t") + "`";
    }

    /** The same names for every test and shell of a run: a failure is reproduced by its seed alone. */
    private static List<String> names() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        List<String> names = new ArrayList<>(NAMES);
        for (int i = 0; i < NAMES; i++) {
            names.add(name(random));
        }
        return names;
    }

    private static String name(RandomGenerator random) {
        StringBuilder name = new StringBuilder();
        if (random.nextInt(3) == 0) {
            int digits = 1 + random.nextInt(3);
            for (int i = 0; i < digits; i++) {
                name.append(pick(random, random.nextBoolean() ? DIGITS : PUNCTUATION));
            }
        }
        int length = 1 + random.nextInt(24);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(100);
            if (kind < 35) {
                name.append(pick(random, LOWER));
            } else if (kind < 50) {
                name.append(pick(random, UPPER));
            } else if (kind < 68) {
                name.append(pick(random, DIGITS));
            } else if (kind < 75) {
                name.append('_');
            } else if (kind < 93) {
                name.append(pick(random, PUNCTUATION));
            } else {
                name.appendCodePoint(NON_ASCII[random.nextInt(NON_ASCII.length)]);
            }
        }
        return name.toString();
    }

    private static char pick(RandomGenerator random, String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }

    record Answer(int exitCode, String output) {
        static Answer parse(String line) {
            int space = line.indexOf(' ');
            return new Answer(Integer.parseInt(line.substring(0, space)), line.substring(space + 1));
        }
    }
}
