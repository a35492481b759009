package io.jenkins.plugins.bitbucketresources.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretFormsTest {

    private static List<String> formsOf(String secret) {
        return SecretForms.of(MaskedSecret.of(secret));
    }

    @Test
    void theSecretItselfComesFirst() {
        assertThat(formsOf("ATBBsecret42")).first().isEqualTo("ATBBsecret42");
    }

    @Test
    void bashQuotesASingleQuoteAsQuoteBackslashQuoteQuote() {
        assertThat(formsOf("it's-a-token")).contains("it'\\''s-a-token");
    }

    @Test
    void posixShellsQuoteASingleQuoteInsideDoubleQuotes() {
        assertThat(formsOf("it's-a-token")).contains("it'\"'\"'s-a-token");
    }

    @Test
    void printfQPutsABackslashBeforeShellCharacters() {
        assertThat(formsOf("a b$c'd\"e\\f^g!h,i")).contains("a\\ b\\$c\\'d\\\"e\\\\f\\^g\\!h\\,i");
    }

    @Test
    void printfQLeavesUrlCharactersAlone() {
        assertThat(ShellForms.backslashEscaped("a%b+c/d=e:f@g.h-i_j~k")).isEqualTo("a%b+c/d=e:f@g.h-i_j~k");
    }

    @Test
    void bashDollarQuotingEscapesControlCharactersQuotesAndBackslashes() {
        assertThat(formsOf("tab\there'\\é\u0001\u001b\u007f")).contains("tab\\there\\'\\\\é\\001\\E\\177");
    }

    @Test
    void bashDollarQuotingOutsideUtf8LocaleWritesNonAsciiAsOctal() {
        assertThat(formsOf("tab\tcafé")).contains("tab\\tcaf\\303\\251");
    }

    @Test
    void echoInterpretsBackslashEscapesInTheSecret() {
        assertThat(formsOf("line\\nnext\\tend\\\\x\\q")).contains("line\nnext\tend\\x\\q");
    }

    @Test
    void anUnquotedShellWordLosesItsBackslashes() {
        assertThat(formsOf("ab\\$cd\\\\e")).contains("ab$cd\\e");
    }

    @Test
    void dollarSignsDoubled() {
        assertThat(formsOf("pa$word$")).contains("pa$$word$$");
    }

    @Test
    void percentEncodedWithUpperAndLowerCaseHex() {
        assertThat(formsOf("a/b c~é")).contains("a%2Fb%20c~%C3%A9", "a%2fb%20c~%c3%a9");
    }

    @Test
    void formEncodedWithPlusForSpace() {
        assertThat(formsOf("a/b c~*")).contains("a%2Fb+c%7E*", "a%2fb+c%7e*");
    }

    @Test
    void base64AtAlignmentZeroInsideAndAtTheEndOfAStream() {
        // base64(">>>?") = "Pj4+Pw==": 5 characters hold only the secret's bits, the 6th also the next byte's.
        assertThat(formsOf(">>>?")).contains("Pj4+P", "Pj4+Pw", "Pj4+Pw==", "Pj4-P", "Pj4-Pw", "Pj4-Pw==");
    }

    @Test
    void base64AtAlignmentOne() {
        // base64("x" + "secret") = "eHNlY3JldA==": characters 0 and 1 hold bits of "x".
        assertThat(formsOf("secret")).contains("NlY3Jld", "NlY3JldA", "NlY3JldA==");
    }

    @Test
    void base64AtAlignmentTwo() {
        // base64("xy" + "secret") = "eHlzZWNyZXQ=": characters 0 to 2 hold bits of "xy".
        assertThat(formsOf("secret")).contains("zZWNyZX", "zZWNyZXQ", "zZWNyZXQ=");
    }

    @Test
    void base64UrlSafeAlphabet() {
        // base64("\0\0>>>?") = "AAA+Pj4/", URL-safe "AAA-Pj4_".
        assertThat(formsOf(">>>?")).contains("+Pj4/", "-Pj4_");
    }

    @Test
    void basicCredentialsWithTheIntegrationsUsername() {
        assertThat(SecretForms.of(MaskedSecret.withUsername("secret", "alice"))).contains("YWxpY2U6c2VjcmV0");
    }

    @Test
    void basicCredentialsWithBitbucketsTokenUsersAlways() {
        assertThat(formsOf("secret"))
                .contains(
                        "eC10b2tlbi1hdXRoOnNlY3JldA==",
                        "eC10b2tlbi1hdXRoOnNlY3JldA",
                        "eC1iaXRidWNrZXQtYXBpLXRva2VuLWF1dGg6c2VjcmV0");
    }

    @Test
    void basicCredentialsFollowedByMoreBytesStillShowTheirStablePart() {
        // echo "x-token-auth:secret" | base64 = "eC10b2tlbi1hdXRoOnNlY3JldAo="
        assertThat(formsOf("secret"))
                .anyMatch(form -> form.length() >= 25 && "eC10b2tlbi1hdXRoOnNlY3JldAo=".startsWith(form));
    }

    @Test
    void noUsernameGivesNoOtherBasicCredentials() {
        assertThat(formsOf("secret")).noneMatch(form -> form.startsWith("YWxpY2U6"));
    }

    @Test
    void anEmptyUsernameIsNoUsername() {
        assertThat(new MaskedSecret("secret", Optional.of("")).username()).isEmpty();
    }

    @Test
    void anEmptySecretHasNoForms() {
        assertThat(SecretForms.of(MaskedSecret.withUsername("", "alice"))).isEmpty();
    }

    @Test
    void formsShorterThanThreeBytesAreLeftOut() {
        List<String> forms = formsOf("ab");
        assertThat(forms).isNotEmpty().noneMatch(form -> form.getBytes(StandardCharsets.UTF_8).length < 3);
        assertThat(forms).doesNotContain("ab");
    }

    @Test
    void aTwoByteCharacterMakesAThreeByteSecretLongEnough() {
        assertThat(formsOf("éa")).contains("éa");
    }

    @Test
    void eachFormIsListedOnce() {
        List<String> forms = formsOf("plain-token");
        assertThat(new HashSet<>(forms)).hasSameSizeAs(forms);
    }

    @Test
    void aSecretWithoutSpecialCharactersHasNoShellOrPercentVariantsButTheQuotedWord() {
        assertThat(formsOf("plainToken123"))
                .filteredOn(form -> form.contains("plainToken123"))
                .containsExactly("plainToken123", "'plainToken123'");
    }

    @Test
    void theWholeBashQuotedWordIsAFormSoThatQuotingRevealsNothing() {
        assertThat(formsOf("it's-a-token")).contains("'it'\\''s-a-token'");
    }

    @Test
    void busyboxAshQuotesARunOfQuotesInsideOneDoubleQuotedPart() {
        assertThat(formsOf("ab''cd")).contains("ab'\"''\"'cd");
        assertThat(formsOf("ab'''cd")).contains("ab'\"'''\"'cd");
    }

    @Test
    void busyboxAshOpensNoSingleQuotedPartAfterTrailingQuotes() {
        assertThat(formsOf("ab'")).contains("ab'\"'\"");
        assertThat(formsOf("ab''")).contains("ab'\"''\"");
    }

    @Test
    void bashDoubleQuotingAsDeclarePPrintsIt() {
        assertThat(formsOf("a$b\"c\\d`e'f")).contains("a\\$b\\\"c\\\\d\\`e'f");
    }

    @Test
    void setXQuotesAQuotedWordOnceMore() {
        // X="it's"; Y="${X@Q}" is traced as Y=''\''it'\''\'\'''\''s'\'''
        assertThat(formsOf("it's")).contains("it'\\''\\'\\'''\\''s");
        // Y="$(declare -p X)" for X=a'b"c is traced as Y='declare -- X="a'\''b\"c"'
        assertThat(formsOf("a'b\"c")).contains("a'\\''b\\\"c");
        // ${X@Q} of a value with a tab is $'a\tb\'c', traced as '$'\''a\tb\'\'''\''c'\'''
        assertThat(formsOf("a\tb'c")).contains("a\\tb\\'\\''c");
    }

    @Test
    void anUnquotedShellWordLosesATrailingBackslashToo() {
        assertThat(formsOf("foo\\bar\\")).contains("foobar");
    }

    @Test
    void cmdCaretEscapesAreRemovedAndADoubledCaretKept() {
        assertThat(formsOf("a^&b^^c^<d^")).contains("a&b^c<d");
    }

    @Test
    void echoDecodesOctalAndHexadecimalEscapes() {
        List<String> forms = formsOf("x\\0101y\\x41z");
        assertThat(forms).contains("xAyAz");
        // dash reads no hexadecimal escape
        assertThat(forms).contains("xAy\\x41z");
    }

    @Test
    void printfReadsOctalWithoutALeadingZeroButBashEchoDoesNot() {
        assertThat(EscapeForms.interpreted("p\\101q", EscapeForms.Dialect.BASH_PRINTF))
                .isEqualTo("pAq");
        assertThat(EscapeForms.interpreted("p\\101q", EscapeForms.Dialect.BASH_ECHO))
                .isEqualTo("p\\101q");
        assertThat(formsOf("p\\101q")).contains("pAq");
    }

    @Test
    void busyboxStopsAnOctalEscapeBeforeItExceedsAByteWhereBashWrapsIt() {
        assertThat(EscapeForms.interpreted("a\\0777b", EscapeForms.Dialect.BUSYBOX))
                .isEqualTo("a?7b");
        assertThat(EscapeForms.interpreted("a\\0777b", EscapeForms.Dialect.BASH_ECHO))
                .isEqualTo("a\udcffb");
    }

    @Test
    void bashEchoDecodesUnicodeEscapesToUtf8() {
        assertThat(formsOf("caf\\u00e9\\U0001F600")).contains("café\uD83D\uDE00");
    }

    @Test
    void backslashCEndsWhatEchoPrints() {
        assertThat(formsOf("abc\\cdef")).contains("abc");
    }

    @Test
    void aDecodedByteThatIsNotUtf8IsCarriedAsALoneSurrogateAndMaskedAsThatByte() {
        List<String> forms = formsOf("ab\\0351cd");
        assertThat(forms).contains("ab\udce9cd");
        byte[] printed = {'[', 'a', 'b', (byte) 0xe9, 'c', 'd', ']'};
        assertThat(Masker.of(forms).mask(printed)).isEqualTo("[****]".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void jsonEscapesQuotesBackslashesAndControlCharacters() {
        assertThat(formsOf("a\"b\\c\nd\u001b")).contains("a\\\"b\\\\c\\nd\\u001b", "a\\\"b\\\\c\\nd\\u001B");
    }

    @Test
    void jsonWithTheSlashEscaped() {
        assertThat(formsOf("BBDC-ab/cd+ef")).contains("BBDC-ab\\/cd+ef");
    }

    @Test
    void jsonWithNonAsciiEscapedAsUtf16Units() {
        assertThat(formsOf("café€\uD83D\uDE00"))
                .contains("caf\\u00e9\\u20ac\\ud83d\\ude00", "caf\\u00E9\\u20AC\\uD83D\\uDE00");
    }

    @Test
    void jsonAsGsonWritesTheEqualsSignOfAnApiToken() {
        assertThat(formsOf("ATATT3xFfGF0abc=12AB34CD")).contains("ATATT3xFfGF0abc\\u003d12AB34CD");
    }

    @Test
    void percentEncodedAsEncodeUriComponentDoes() {
        assertThat(formsOf("a'b(c)!*~ d/")).contains("a'b(c)!*~%20d%2F");
    }

    @Test
    void percentEncodedAsEncodeUriDoes() {
        assertThat(formsOf("a b/c?d=e")).contains("a%20b/c?d=e");
    }

    @Test
    void percentEncodedAsPythonsQuoteAndQuotePlusDo() {
        assertThat(formsOf("a/b c~*")).contains("a/b%20c~%2A", "a%2Fb+c~%2A");
    }

    @Test
    void base64AtAlignmentTwoAlsoFromTheCharacterJenkinsStartsAt() {
        // base64("aa" + "secret") = "YWFzZWNyZXQ=": Jenkins masks it from character 4 on.
        assertThat(formsOf("secret")).contains("ZWNyZXQ=", "ZWNyZX");
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertThat(MaskedSecret.withUsername("s3cr3t-value", "alice").toString())
                .doesNotContain("s3cr3t")
                .contains("alice");
    }
}
