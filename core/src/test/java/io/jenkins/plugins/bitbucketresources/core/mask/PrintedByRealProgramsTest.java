package io.jenkins.plugins.bitbucketresources.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.RealShell;
import io.jenkins.plugins.bitbucketresources.core.testing.RequiredPrograms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A token printed by the real programs that print it in build logs, masked. Each secret is made of distinctive pieces
 * ({@code Ab1}, {@code Cd2} …) around the characters under test, and each test checks that the program printed the form
 * it is about and that no piece is left after masking. The secret goes to the program on its standard input, so that
 * neither the command line nor the locale's idea of the environment's encoding gets in the way.
 */
class PrintedByRealProgramsTest {

    private static final Map<String, String> UTF8 = Map.of("LC_ALL", "C.UTF-8");

    private static String masked(String secret, byte[] printed) {
        return new String(Masker.forSecrets(List.of(MaskedSecret.of(secret))).mask(printed), StandardCharsets.UTF_8);
    }

    /** Runs a shell script that first reads the secret into {@code $S}. */
    private static Command.Result shell(RealShell shell, String secret, String script) {
        return shell.run(UTF8, (secret + "\n").getBytes(StandardCharsets.UTF_8), "-c", "IFS= read -r S; " + script);
    }

    /** Runs a python3 script that reads the secret from its standard input, and returns what it printed. */
    private static byte[] python(String script, String secret) {
        List<String> command = List.of(RequiredPrograms.require("python3").toString(), "-c", script);
        return Command.run(
                        Path.of("").toAbsolutePath(),
                        Command.withPath(UTF8),
                        command,
                        (secret + "\n").getBytes(StandardCharsets.UTF_8))
                .stdout();
    }

    private static void assertHidden(String masked, String... pieces) {
        assertThat(masked).contains(Masker.REPLACEMENT);
        for (String piece : pieces) {
            assertThat(masked).as("masked output").doesNotContain(piece);
        }
    }

    @Test
    void busyboxAshTracesARunOfQuotesInOneDoubleQuotedPart() {
        String secret = "Ab1''Cd2'''Ef3";
        String trace = shell(RealShell.BUSYBOX_ASH, secret, "set -x; : \"$S\"").err();

        assertThat(trace).isEqualTo("+ : 'Ab1'\"''\"'Cd2'\"'''\"'Ef3'\n");
        assertThat(masked(secret, trace.getBytes(StandardCharsets.UTF_8))).isEqualTo("+ : '****'\n");
    }

    @Test
    void busyboxAshTracesTrailingQuotesWithoutReopeningTheSingleQuotes() {
        String secret = "Ab1'Cd2''";
        String trace = shell(RealShell.BUSYBOX_ASH, secret, "set -x; : \"$S\"").err();

        assertThat(trace).isEqualTo("+ : 'Ab1'\"'\"'Cd2'\"''\"\n");
        assertThat(masked(secret, trace.getBytes(StandardCharsets.UTF_8))).isEqualTo("+ : '****\n");
    }

    @Test
    void busyboxAshTracesLeadingQuotes() {
        String secret = "''Ab1Cd2";
        String trace = shell(RealShell.BUSYBOX_ASH, secret, "set -x; : \"$S\"").err();

        assertThat(trace).isEqualTo("+ : ''\"''\"'Ab1Cd2'\n");
        assertHidden(masked(secret, trace.getBytes(StandardCharsets.UTF_8)), "Ab1", "Cd2");
    }

    @Test
    void bashTracesAQuotedWordWithAllItsQuotesMasked() {
        String secret = "Ab1'Cd2";
        String trace = shell(RealShell.BASH, secret, "set -x; : \"$S\"").err();

        assertThat(trace).isEqualTo("+ : 'Ab1'\\''Cd2'\n");
        assertThat(masked(secret, trace.getBytes(StandardCharsets.UTF_8))).isEqualTo("+ : ****\n");
    }

    @Test
    void bashDeclarePDoubleQuotesTheValue() {
        String secret = "Ab1$Cd2\"Ef3\\Gh4`Ij5";
        String listed = shell(RealShell.BASH, secret, "declare -p S").out();

        assertThat(listed).isEqualTo("declare -- S=\"Ab1\\$Cd2\\\"Ef3\\\\Gh4\\`Ij5\"\n");
        assertThat(masked(secret, listed.getBytes(StandardCharsets.UTF_8))).isEqualTo("declare -- S=\"****\"\n");
    }

    @Test
    void bashTracesTheQuotingOfAtQOnceMore() {
        String secret = "Ab1'Cd2";
        String trace = shell(RealShell.BASH, secret, "set -x; Y=\"${S@Q}\"").err();

        assertThat(trace).isEqualTo("+ Y=''\\''Ab1'\\''\\'\\'''\\''Cd2'\\'''\n");
        assertHidden(masked(secret, trace.getBytes(StandardCharsets.UTF_8)), "Ab1", "Cd2");
    }

    @Test
    void bashTracesTheOutputOfDeclarePOnceMore() {
        String secret = "Ab1'Cd2\"Ef3$Gh4";
        String trace =
                shell(RealShell.BASH, secret, "set -x; Y=\"$(declare -p S)\"").err();

        assertThat(trace).contains("Ab1'\\''Cd2\\\"Ef3\\$Gh4");
        assertHidden(masked(secret, trace.getBytes(StandardCharsets.UTF_8)), "Ab1", "Cd2", "Ef3", "Gh4");
    }

    @Test
    void bashTracesTheDollarQuotingOfAtQOnceMore() {
        String secret = "Ab1\tCd2'Ef3";
        String trace = shell(RealShell.BASH, secret, "set -x; Y=\"${S@Q}\"").err();

        assertThat(trace).isEqualTo("+ Y='$'\\''Ab1\\tCd2\\'\\''Ef3'\\'''\n");
        assertHidden(masked(secret, trace.getBytes(StandardCharsets.UTF_8)), "Ab1", "Cd2", "Ef3");
    }

    @Test
    void aTrailingBackslashPastedIntoAShellCommandIsRemovedWithTheLineBreak() {
        String secret = "Ab1\\Cd2\\";
        for (RealShell shell : List.of(RealShell.BASH, RealShell.DASH, RealShell.BUSYBOX_ASH)) {
            // sh "echo ${TOKEN}" in a Jenkinsfile: the token is pasted into the script, here followed by another line.
            String printed = shell.run(UTF8, new byte[0], "-c", "echo " + secret + "\necho next")
                    .out();

            assertThat(printed).as(shell.toString()).isEqualTo("Ab1Cd2echo next\n");
            assertThat(masked(secret, printed.getBytes(StandardCharsets.UTF_8)))
                    .as(shell.toString())
                    .isEqualTo("****echo next\n");
        }
    }

    @Test
    void echoEAndPrintfBDecodeOctalAndHexadecimalEscapes() {
        String secret = "Ab1\\0101Cd2\\x41Ef3\\tGh4";
        record Printer(RealShell shell, String script) {}
        for (Printer printer : List.of(
                new Printer(RealShell.BASH, "echo -e \"$S\""),
                new Printer(RealShell.BASH, "printf '%b\\n' \"$S\""),
                new Printer(RealShell.BUSYBOX_ASH, "echo -e \"$S\""),
                new Printer(RealShell.BUSYBOX_ASH, "printf '%b\\n' \"$S\""))) {
            byte[] printed = shell(printer.shell(), secret, printer.script()).stdout();

            assertThat(new String(printed, StandardCharsets.UTF_8))
                    .as(printer.toString())
                    .isEqualTo("Ab1ACd2AEf3\tGh4\n");
            assertThat(masked(secret, printed)).as(printer.toString()).isEqualTo("****\n");
        }
    }

    @Test
    void dashEchoDecodesOctalButNotHexadecimalEscapes() {
        String secret = "Ab1\\101Cd2\\x41Ef3";
        byte[] printed = shell(RealShell.DASH, secret, "echo \"$S\"").stdout();

        assertThat(new String(printed, StandardCharsets.UTF_8)).isEqualTo("Ab1ACd2\\x41Ef3\n");
        assertThat(masked(secret, printed)).isEqualTo("****\n");
    }

    @Test
    void busyboxStopsReadingOctalDigitsBeforeTheValuePassesAByte() {
        String secret = "Ab1\\0777Cd2";
        byte[] printed = shell(RealShell.BUSYBOX_ASH, secret, "echo -e \"$S\"").stdout();

        assertThat(new String(printed, StandardCharsets.UTF_8)).isEqualTo("Ab1?7Cd2\n");
        assertThat(masked(secret, printed)).isEqualTo("****\n");
    }

    @Test
    void anOctalEscapeOfAByteThatIsNotUtf8IsMaskedAsThatByte() {
        String secret = "Ab1\\0351Cd2";
        byte[] printed = shell(RealShell.BASH, secret, "echo -e \"$S\"").stdout();

        assertThat(printed).containsExactly('A', 'b', '1', 0xe9, 'C', 'd', '2', '\n');
        assertThat(masked(secret, printed)).isEqualTo("****\n");
    }

    @Test
    void backslashCEndsWhatEchoEPrints() {
        String secret = "Ab1Cd2\\cEf3";
        byte[] printed = shell(RealShell.BASH, secret, "echo -e \"$S\"; echo").stdout();

        assertThat(new String(printed, StandardCharsets.UTF_8)).isEqualTo("Ab1Cd2\n");
        assertThat(masked(secret, printed)).isEqualTo("****\n");
    }

    @Test
    void pythonsJsonEscapingIsMasked() {
        String secret = "Ab1\"Cd2\\Ef3/Gh4\u001bIj5éKl6😀Mn7\u007fOp8";
        String script = "import json, sys\n"
                + "s = sys.stdin.buffer.read().decode('utf-8')[:-1]\n"
                + "print(json.dumps(s))\n"
                + "print(json.dumps(s, ensure_ascii=False))\n";
        byte[] printed = python(script, secret);

        assertThat(new String(printed, StandardCharsets.UTF_8))
                .startsWith("\"Ab1\\\"Cd2\\\\Ef3/Gh4\\u001bIj5\\u00e9Kl6\\ud83d\\ude00Mn7\\u007fOp8\"\n");
        assertThat(masked(secret, printed)).isEqualTo("\"****\"\n\"****\"\n");
    }

    @Test
    void jacksonsJsonEscapingIsMasked() throws Exception {
        String secret = "Ab1\"Cd2\\Ef3/Gh4\u001bIj5éKl6";
        String plain = JsonMapper.builder().build().writeValueAsString(secret);
        String ascii = JsonMapper.builder()
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .build()
                .writeValueAsString(secret);

        assertThat(plain).isEqualTo("\"Ab1\\\"Cd2\\\\Ef3/Gh4\\u001BIj5éKl6\"");
        assertThat(masked(secret, (plain + "\n" + ascii).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("\"****\"\n\"****\"");
    }

    @Test
    void pythonsPercentEncodingsAreMasked() {
        String secret = "Ab1/Cd2 Ef3~Gh4*Ij5(Kl6)'Mn7é";
        String script = "import sys, urllib.parse as p\n"
                + "s = sys.stdin.buffer.read().decode('utf-8')[:-1]\n"
                + "print(p.quote(s))\n"
                + "print(p.quote(s, safe=''))\n"
                + "print(p.quote_plus(s))\n"
                + "print(p.quote(s, safe=\"-_.!~*'()\"))\n";
        byte[] printed = python(script, secret);

        assertThat(new String(printed, StandardCharsets.UTF_8))
                .startsWith("Ab1/Cd2%20Ef3~Gh4%2AIj5%28Kl6%29%27Mn7%C3%A9\n");
        assertThat(masked(secret, printed)).isEqualTo("****\n****\n****\n****\n");
    }

    @Test
    void pythonsShlexQuoteIsMasked() {
        String secret = "Ab1''Cd2";
        String script = "import shlex, sys\nprint(shlex.quote(sys.stdin.buffer.read().decode('utf-8')[:-1]))\n";
        byte[] printed = python(script, secret);

        assertThat(new String(printed, StandardCharsets.UTF_8)).isEqualTo("'Ab1'\"'\"''\"'\"'Cd2'\n");
        assertThat(masked(secret, printed)).isEqualTo("'****'\n");
    }
}
