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
        assertThat(formsOf("secret")).contains(
                "eC10b2tlbi1hdXRoOnNlY3JldA==",
                "eC10b2tlbi1hdXRoOnNlY3JldA",
                "eC1iaXRidWNrZXQtYXBpLXRva2VuLWF1dGg6c2VjcmV0");
    }

    @Test
    void basicCredentialsFollowedByMoreBytesStillShowTheirStablePart() {
        // echo "x-token-auth:secret" | base64 = "eC10b2tlbi1hdXRoOnNlY3JldAo="
        assertThat(formsOf("secret")).anyMatch(form -> form.length() >= 25 && "eC10b2tlbi1hdXRoOnNlY3JldAo=".startsWith(form));
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
    void aSecretWithoutSpecialCharactersHasNoShellOrPercentVariants() {
        assertThat(formsOf("plainToken123")).filteredOn(form -> form.contains("plainToken123")).containsExactly("plainToken123");
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertThat(MaskedSecret.withUsername("s3cr3t-value", "alice").toString()).doesNotContain("s3cr3t").contains("alice");
    }
}
