package io.jenkins.plugins.bitbucketresources.core.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskerTest {

    private static final String TRICKY = "p@$$'w\"o\\rd^%+/=é€ x";

    private static Masker masking(String... secrets) {
        List<MaskedSecret> list = new ArrayList<>();
        for (String secret : secrets) {
            list.add(MaskedSecret.of(secret));
        }
        return Masker.forSecrets(list);
    }

    @Test
    void theSecretIsMasked() {
        assertThat(masking("ATBBsecret42").mask("token=ATBBsecret42;")).isEqualTo("token=****;");
    }

    @Test
    void everyFormOfASecretWithShellAndUrlCharactersIsMasked() {
        Masker masker = masking(TRICKY);
        for (String form : SecretForms.of(MaskedSecret.of(TRICKY))) {
            assertThat(masker.mask("before\n" + form + "\nafter")).as(form).isEqualTo("before\n****\nafter");
        }
    }

    @Test
    void aLongTokenBase64EncodedIntoWrappedLinesIsMasked() {
        String token = "ATATT3xFfGF0" + "aB-cD_eF9x".repeat(18);
        Masker masker = Masker.forSecrets(List.of(MaskedSecret.withUsername(token, "alice@example.com")));
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        byte[] basic = ("alice@example.com:" + token).getBytes(StandardCharsets.UTF_8);
        List<String> printed = List.of(
                Base64.getMimeEncoder().encodeToString(bytes),
                Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(bytes),
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(bytes),
                Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(basic));
        for (String text : printed) {
            assertThat(text).as("wrapped").contains("\n");
            assertThat(masker.mask("$ printf %s \"$TOKEN\" | base64\n" + text + "\n$ "))
                    .as(text)
                    .isEqualTo("$ printf %s \"$TOKEN\" | base64\n****\n$ ");
        }
    }

    @Test
    void everyFormOfAPlainTokenIsMasked() {
        String token = "ATATT3xFfGF0aB-cD_eF9=12AB34CD";
        Masker masker = Masker.forSecrets(List.of(MaskedSecret.withUsername(token, "alice@example.com")));
        for (String form : SecretForms.of(MaskedSecret.withUsername(token, "alice@example.com"))) {
            assertThat(masker.mask("[" + form + "]")).as(form).isEqualTo("[****]");
        }
    }

    @Test
    void aSecretSpanningSeveralLinesIsMaskedWhole() {
        String key = "-----BEGIN KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQEF\n-----END KEY-----";
        assertThat(masking(key).mask("key:\n" + key + "\ndone\n")).isEqualTo("key:\n****\ndone\n");
    }

    @Test
    void aMultiLineSecretTracedByBashIsMasked() {
        String key = "line one\nline two";
        assertThat(masking(key).mask("+ echo $'line one\\nline two'\n")).isEqualTo("+ echo $'****'\n");
    }

    @Test
    void aNonAsciiSecretIsMaskedAndTheTextAroundItKept() {
        assertThat(masking("pässwörd€").mask("ünïcode pässwörd€ ✓")).isEqualTo("ünïcode **** ✓");
    }

    @Test
    void aSecretThatIsAPrefixOfAnotherIsMaskedAloneAndInside() {
        Masker masker = masking("abcdef", "abcdefghij");
        assertThat(masker.mask("1 abcdefghij 2 abcdef 3 abcdefgh")).isEqualTo("1 **** 2 **** 3 ****gh");
    }

    @Test
    void aSecretThatIsASuffixOfAnotherIsMaskedAloneAndInside() {
        Masker masker = masking("ghij", "abcdefghij");
        assertThat(masker.mask("1 abcdefghij 2 ghij 3 cdefghij")).isEqualTo("1 **** 2 **** 3 cdef****");
    }

    @Test
    void overlappingOccurrencesBecomeOneMask() {
        Masker masker = Masker.of(List.of("abcdef", "defghi"));
        assertThat(masker.mask("xabcdefghiy")).isEqualTo("x****y");
    }

    @Test
    void adjacentOccurrencesBecomeOneMask() {
        Masker masker = Masker.of(List.of("abc", "def"));
        assertThat(masker.mask("xabcdefy abcabc")).isEqualTo("x****y ****");
    }

    @Test
    void aChainOfOverlapsStartingBeforeEarlierOccurrencesIsOneMask() {
        // "cde" is found first, then "abcdefg" ends later but starts earlier, then "fgh" touches it.
        Masker masker = Masker.of(List.of("cde", "abcdefg", "fgh"));
        assertThat(masker.mask("xabcdefghy")).isEqualTo("x****y");
    }

    @Test
    void separateOccurrencesAreMaskedSeparately() {
        assertThat(Masker.of(List.of("abc")).mask("abc-abc abc")).isEqualTo("****-**** ****");
    }

    @Test
    void formsShorterThanThreeBytesAreNotMasked() {
        Masker masker = Masker.of(List.of("ab", "", "x"));
        assertThat(masker.isEmpty()).isTrue();
        assertThat(masker.mask("ab x")).isEqualTo("ab x");
    }

    @Test
    void anEmptySecretMasksNothing() {
        Masker masker = masking("");
        assertThat(masker.isEmpty()).isTrue();
        assertThat(masker.longestForm()).isZero();
        assertThat(masker.mask("anything")).isEqualTo("anything");
    }

    @Test
    void ofCompilesExactlyTheGivenForms() {
        assertThat(Masker.of(List.of("secret")).mask("secret c2VjcmV0")).isEqualTo("**** c2VjcmV0");
        assertThat(masking("secret").mask("secret c2VjcmV0")).isEqualTo("**** ****");
    }

    @Test
    void longestFormIsCountedInBytes() {
        assertThat(Masker.of(List.of("abc", "ééé")).longestForm()).isEqualTo(6);
    }

    @Test
    void bytesThatAreNotUtf8PassThroughUnchanged() {
        byte[] input = {(byte) 0xff, 'a', 'b', 'c', (byte) 0xc3, 0, (byte) 0x80, 'x'};
        assertThat(Masker.of(List.of("abc")).mask(input))
                .containsExactly((byte) 0xff, '*', '*', '*', '*', (byte) 0xc3, 0, (byte) 0x80, 'x');
    }

    @Test
    void textWithoutFormsIsUnchanged() {
        String log = "[INFO] BUILD SUCCESS\n\tat com.example.Foo(Foo.java:12)\r\n";
        assertThat(masking("ATBBsecret42").mask(log)).isEqualTo(log);
    }

    @Test
    void aNullFormIsRefusedWithItsField() {
        List<String> forms = new ArrayList<>();
        forms.add(null);
        assertThatNullPointerException().isThrownBy(() -> Masker.of(forms)).withMessageStartingWith("forms:");
    }

    @Test
    void toStringShowsNoForm() {
        assertThat(masking("ATBBsecret42").toString())
                .doesNotContain("secret42")
                .startsWith("Masker[");
    }

    @Test
    void longFormsAreFoundThroughTheSkipTable() {
        Masker masker = masking("ATBBsecret42");
        assertThat(masker.automaton().skips()).isTrue();
        assertThat(masker.mask("x".repeat(100) + "ATBBsecret42" + "y".repeat(100)))
                .isEqualTo("x".repeat(100) + "****" + "y".repeat(100));
    }

    @Test
    void aShortFormMakesEveryByteGoThroughTheAutomaton() {
        Masker masker = masking("ATBBsecret42", "pw1");
        assertThat(masker.automaton().skips()).isFalse();
        assertThat(masker.mask("pw1 ATBBsecret42")).isEqualTo("**** ****");
    }

    @Test
    void manySecretsKeepTheTransitionTableBounded() {
        Random random = new Random(7);
        List<MaskedSecret> secrets = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[40];
            random.nextBytes(bytes);
            secrets.add(MaskedSecret.of(new String(bytes, StandardCharsets.ISO_8859_1)));
        }
        Automaton automaton = Masker.forSecrets(secrets).automaton();
        assertThat(automaton.fail.length).isGreaterThan(100_000);
        assertThat(automaton.delta.length).isLessThanOrEqualTo((1 << 19) + (1 << 16));
    }

    @Test
    void aMaskerCountsItsDistinctFormsAndTheMemoryTheyTake() {
        Masker two = Masker.of(List.of("abcdef", "ghijkl", "abcdef"));
        Masker three = Masker.of(List.of("abcdef", "ghijkl", "mnopqr"));

        assertThat(two.formCount()).isEqualTo(2);
        assertThat(three.footprint()).isGreaterThan(two.footprint()).isGreaterThan(17L * 3 * 6);
    }

    @Test
    void oneMaskerServesManyThreadsAtOnce() throws InterruptedException {
        Masker masker = masking("ATBBsecret42", "other-token");
        List<Thread> threads = new ArrayList<>();
        List<String> results = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    results.add(masker.mask("a ATBBsecret42 b other-token c " + i));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).hasSize(2000).allMatch(r -> r.startsWith("a **** b **** c "));
    }
}
