package io.jenkins.plugins.bitbucketresources.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import io.jenkins.plugins.bitbucketresources.core.testing.RealShell;
import io.jenkins.plugins.bitbucketresources.core.testing.RequiredPrograms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random secrets printed by the real programs, many per run of each program: what each prints for a secret, masked
 * with that secret's forms, leaves nothing of it but {@value Masker#REPLACEMENT} and the quotes the program put around
 * the word. Each secret's output is preceded by a marker holding a random nonce, which no output can contain.
 */
class PrintedByRealProgramsPropertiesTest {

    private static final int SECRETS = 300;
    private static final Map<String, String> UTF8 = Map.of("LC_ALL", "C.UTF-8");
    private static final Pattern ONLY_QUOTES_AROUND_A_MASK = Pattern.compile("[$'\"\\\\]*\\*\\*\\*\\*['\"\\\\]*");

    private static final String PRINTABLE = "''\"\\\\$^é€" + Generator.PRINTABLE_ASCII;

    @Test
    void setXTracesOfBashAndBusyboxAshAreMasked() {
        for (RealShell shell : List.of(RealShell.BASH, RealShell.BUSYBOX_ASH, RealShell.DASH)) {
            GeneratedCases.check(1, generate -> {
                List<String> secrets = secrets(generate, PRINTABLE + "\t");
                List<byte[]> traces =
                        eachSecret(generate, shell, secrets, "set -x; : \"$S\"; { set +x; } 2>/dev/null", true);
                for (int k = 0; k < secrets.size(); k++) {
                    String word = stripped(text(traces.get(k)), "+ : ", "\n");
                    assertOnlyQuotesAroundAMask(secrets.get(k), word, shell + " set -x");
                }
            });
        }
    }

    @Test
    void bashDeclarePAndItsTraceAreMasked() {
        GeneratedCases.check(1, generate -> {
            List<String> secrets = secrets(generate, PRINTABLE + "\t");
            List<byte[]> listed = eachSecret(generate, RealShell.BASH, secrets, "declare -p S", false);
            List<byte[]> traced = eachSecret(
                    generate, RealShell.BASH, secrets, "set -x; Y=\"$(declare -p S)\"; { set +x; } 2>/dev/null", true);
            for (int k = 0; k < secrets.size(); k++) {
                assertOnlyQuotesAroundAMask(
                        secrets.get(k), stripped(text(listed.get(k)), "declare -- S=", "\n"), "declare -p");
                String trace = text(traced.get(k));
                trace = trace.substring(trace.indexOf("+ Y=")); // after the trace of the command substitution
                assertOnlyQuotesAroundAMask(
                        secrets.get(k), stripped(trace, "+ Y='declare -- S=", "'\n"), "set -x of declare -p");
            }
        });
    }

    @Test
    void bashTracesOfAtQAreMasked() {
        GeneratedCases.check(1, generate -> {
            List<String> secrets = secrets(generate, PRINTABLE + "\t");
            List<byte[]> traces = eachSecret(
                    generate, RealShell.BASH, secrets, "set -x; Y=\"${S@Q}\"; { set +x; } 2>/dev/null", true);
            for (int k = 0; k < secrets.size(); k++) {
                assertOnlyQuotesAroundAMask(
                        secrets.get(k), stripped(text(traces.get(k)), "+ Y=", "\n"), "set -x of ${S@Q}");
            }
        });
    }

    @Test
    void escapesDecodedByEchoAndPrintfAreMasked() {
        record Printer(RealShell shell, String script) {}
        List<Printer> printers = List.of(
                new Printer(RealShell.BASH, "echo -e \"$S\""), new Printer(RealShell.BASH, "printf '%b' \"$S\""),
                new Printer(RealShell.DASH, "echo \"$S\""), new Printer(RealShell.DASH, "printf '%b' \"$S\""),
                new Printer(RealShell.BUSYBOX_ASH, "echo -e \"$S\""),
                        new Printer(RealShell.BUSYBOX_ASH, "printf '%b' \"$S\""));
        for (Printer printer : printers) {
            GeneratedCases.check(1, generate -> {
                List<String> secrets = secrets(generate, "\\\\\\\\\\\\0123456777xxuUcabefnrtvEAF9 é");
                List<byte[]> outputs = eachSecret(generate, printer.shell(), secrets, printer.script(), false);
                for (int k = 0; k < secrets.size(); k++) {
                    byte[] printed = outputs.get(k);
                    // echo ends with a line break, unless \c stopped it; the secret may end with one of its own.
                    int shortest = printed.length > 0 && printed[printed.length - 1] == '\n'
                            ? printed.length - 1
                            : printed.length;
                    if (shortest < SecretForms.MIN_FORM_BYTES) {
                        continue;
                    }
                    assertThat(text(masked(secrets.get(k), printed)))
                            .as("%s of %s printing %s", printer, secrets.get(k), text(printed))
                            .isIn(
                                    Masker.REPLACEMENT,
                                    Masker.REPLACEMENT + (printer.script().startsWith("echo") ? "\n" : ""));
                }
            });
        }
    }

    @Test
    void aSecretPastedIntoAShellCommandAsAnUnquotedWordIsMasked() {
        for (RealShell shell : List.of(RealShell.BASH, RealShell.DASH, RealShell.BUSYBOX_ASH)) {
            GeneratedCases.check(1, generate -> {
                List<String> secrets = secrets(generate, "abcxyz0189\\\\\\");
                String nonce = nonce(generate);
                StringBuilder script = new StringBuilder();
                for (int k = 0; k < secrets.size(); k++) {
                    // A backslash at the end escapes the space before x: the word is then "<secret> x".
                    script.append("printf '%s' '")
                            .append(nonce)
                            .append(k)
                            .append(":'; ")
                            .append("printf '%s\\n' ")
                            .append(secrets.get(k))
                            .append(" x\n");
                }
                // The script on standard input, as a shell reads a script file.
                byte[] stdout = shell.run(UTF8, script.toString().getBytes(StandardCharsets.UTF_8))
                        .stdout();
                List<byte[]> outputs = split(stdout, nonce, secrets.size());
                for (int k = 0; k < secrets.size(); k++) {
                    String printed = text(outputs.get(k));
                    String word =
                            printed.endsWith(" x\n") ? stripped(printed, "", " x\n") : stripped(printed, "", "\nx\n");
                    if (word.getBytes(StandardCharsets.UTF_8).length < SecretForms.MIN_FORM_BYTES) {
                        continue;
                    }
                    // Another form of the same secret may overlap the word and what follows it (`b\xax\c1b`
                    // decoded as echo -e would is `b`, newline, `x`), and overlapping matches are masked as their
                    // union: the mask then also covers the start of the tail.
                    String tail = printed.substring(word.length());
                    String masked = text(masked(secrets.get(k), outputs.get(k)));
                    assertThat(masked)
                            .as("%s printing %s", shell, secrets.get(k))
                            .startsWith("****");
                    assertThat(tail)
                            .as("%s printing %s: what follows the mask", shell, secrets.get(k))
                            .endsWith(masked.substring("****".length()));
                }
            });
        }
    }

    @Test
    void pythonsJsonPercentEncodingAndShellQuotingAreMasked() {
        GeneratedCases.check(1, generate -> {
            List<String> secrets = secrets(generate, PRINTABLE + "\t\n\u0001\u001b\u007f\u2028ü😀");
            String nonce = nonce(generate);
            String script = "import json, shlex, sys, urllib.parse as p\n"
                    + "for k, s in enumerate(json.load(sys.stdin)):\n"
                    + "    for j, e in enumerate((json.dumps(s), json.dumps(s, ensure_ascii=False), p.quote(s), p.quote(s, safe=''),\n"
                    + "                           p.quote_plus(s), shlex.quote(s))):\n"
                    + "        sys.stdout.buffer.write(('" + nonce + "%d:' % (6 * k + j) + e).encode('utf-8'))\n";
            byte[] input = JsonMapper.builder().build().writeValueAsBytes(secrets);
            List<String> python = List.of(RequiredPrograms.require("python3").toString(), "-c", script);
            byte[] output = Command.run(Path.of("").toAbsolutePath(), Command.withPath(UTF8), python, input)
                    .stdout();
            List<byte[]> records = split(output, nonce, secrets.size() * 6);
            for (int r = 0; r < records.size(); r++) {
                assertOnlyQuotesAroundAMask(secrets.get(r / 6), text(records.get(r)), "python encoding " + r % 6);
            }
        });
    }

    private static List<String> secrets(Generator generate, String alphabet) {
        return generate.list(SECRETS, SECRETS, () -> generate.string(alphabet, 3, 16));
    }

    private static String nonce(Generator generate) {
        byte[] random = new byte[12];
        generate.random().nextBytes(random);
        return "\u0001" + HexFormat.of().formatHex(random) + "#";
    }

    /**
     * Runs the shell once over all the secrets, each read into {@code $S} from a line of its input, and returns what
     * the script wrote on standard output (or error) for each.
     */
    private static List<byte[]> eachSecret(
            Generator generate, RealShell shell, List<String> secrets, String script, boolean stderr) {
        String nonce = nonce(generate);
        String loop = "k=0; while IFS= read -r S; do printf '%s' \"" + nonce + "$k:\"" + (stderr ? " >&2" : "") + "; "
                + script + "; k=$((k+1)); done";
        byte[] input = String.join("\n", secrets).concat("\n").getBytes(StandardCharsets.UTF_8);
        Command.Result output = shell.run(UTF8, input, "-c", loop);
        return split(stderr ? output.stderr() : output.stdout(), nonce, secrets.size());
    }

    /** The bytes after each {@code <nonce><k>:} marker, up to the next one, for k = 0 … count − 1 in order. */
    private static List<byte[]> split(byte[] output, String nonce, int count) {
        byte[] marker = nonce.getBytes(StandardCharsets.UTF_8);
        List<byte[]> records = new ArrayList<>();
        int at = indexOf(output, marker, 0);
        assertThat(at).as("the output starts with a marker: %s", text(output)).isZero();
        while (at >= 0) {
            int colon = indexOf(output, new byte[] {':'}, at + marker.length);
            int number = Integer.parseInt(
                    new String(output, at + marker.length, colon - at - marker.length, StandardCharsets.US_ASCII));
            assertThat(number).isEqualTo(records.size());
            int next = indexOf(output, marker, colon + 1);
            records.add(Arrays.copyOfRange(output, colon + 1, next < 0 ? output.length : next));
            at = next;
        }
        assertThat(records).hasSize(count);
        return records;
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] masked(String secret, byte[] printed) {
        return Masker.forSecrets(List.of(MaskedSecret.of(secret))).mask(printed);
    }

    private static void assertOnlyQuotesAroundAMask(String secret, String printed, String what) {
        String masked = text(masked(secret, printed.getBytes(StandardCharsets.UTF_8)));
        assertThat(masked).as("%s of %s: %s", what, secret, printed).matches(ONLY_QUOTES_AROUND_A_MASK);
    }

    private static String stripped(String text, String prefix, String suffix) {
        assertThat(text).startsWith(prefix).endsWith(suffix);
        return text.substring(prefix.length(), text.length() - suffix.length());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
