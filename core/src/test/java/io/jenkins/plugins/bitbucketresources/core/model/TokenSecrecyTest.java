package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No message about a bad integration, whatever is wrong with it, contains the token or a piece of it. */
class TokenSecrecyTest {

    private static final int PIECE = 8;

    @Property
    void tokenWithABadCharacterInsideIsNeverRepeated(@ForAll("tokens") String token, @ForAll("badCharacters") char bad,
            @ForAll int position) {
        int at = 1 + Math.floorMod(position, token.length() - 1);
        String raw = token.substring(0, at) + bad + token.substring(at);

        assertThatThrownBy(() -> Token.of(raw)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertNoPieceOf(token, e.getMessage()));
    }

    @Property
    void detectionNeverRepeatsTheToken(@ForAll("tokens") String token) {
        for (Platform platform : Platform.values()) {
            for (Optional<String> username : usernames()) {
                try {
                    TokenKind.detect(platform, username, Token.of(token));
                } catch (InvalidValueException e) {
                    assertNoPieceOf(token, e.getMessage());
                }
            }
        }
    }

    @Property
    void fitCheckNeverRepeatsTheToken(@ForAll("tokens") String token) {
        for (TokenKind kind : TokenKind.values()) {
            for (Platform platform : Platform.values()) {
                for (Optional<String> username : usernames()) {
                    try {
                        kind.checkFits(platform, username, Token.of(token));
                    } catch (InvalidValueException e) {
                        assertNoPieceOf(token, e.getMessage());
                    }
                }
            }
        }
    }

    @Property
    void builderProblemsNeverRepeatTheToken(@ForAll("tokens") String token) {
        for (UnaryOperator<Integration.Builder> breakage : breakages()) {
            Validated<Integration> result = breakage.apply(Integration.builder().id("c").token(token)).build();

            List<String> texts = new ArrayList<>();
            result.problems().forEach(p -> texts.add(p.toString()));
            if (result instanceof Validated.Valid<Integration> valid) {
                texts.add(valid.value().toString());
            } else {
                assertThatThrownBy(result::orElseThrow).satisfies(e -> texts.add(e.getMessage()));
            }
            texts.forEach(text -> assertNoPieceOf(token, text));
        }
    }

    @Property
    void tokenNeverAppearsInItsOwnStringForm(@ForAll("tokens") String token) {
        assertThat(Token.of(token).toString()).isEqualTo("****");
        assertThat(String.valueOf(Token.of(token))).doesNotContain(token);
    }

    private static List<Optional<String>> usernames() {
        return List.of(Optional.empty(), Optional.of("ci-bot@example.com"), Optional.of("ci-bot"));
    }

    private static List<UnaryOperator<Integration.Builder>> breakages() {
        return List.of(
                b -> b,
                b -> b.id(" "),
                b -> b.url("ftp://host"),
                b -> b.url("https://user:pw@host"),
                b -> b.url("https://host?q=1"),
                b -> b.url("https://git.example.com"),
                b -> b.url("https://git.example.com").username("ci-bot"),
                b -> b.platform("gitlab"),
                b -> b.platform("datacenter"),
                b -> b.username("ci-bot"),
                b -> b.username("ci-bot@example.com"),
                b -> b.username("a:b"),
                b -> b.kind("appPassword"),
                b -> b.kind("nonsense"),
                b -> b.kind("apiToken"),
                b -> b.kind("accessToken").username("ci-bot@example.com"),
                b -> b.kind("personalHttpToken"),
                b -> b.kind("projectHttpToken").url("https://git.example.com").username("ci-bot"));
    }

    private static void assertNoPieceOf(String token, String message) {
        assertThat(message).doesNotContain(token);
        for (int i = 0; i + PIECE <= token.length(); i++) {
            assertThat(message).doesNotContain(token.substring(i, i + PIECE));
        }
    }

    @Provide
    Arbitrary<String> tokens() {
        Arbitrary<String> prefix = Arbitraries.of("", "ATBB", "BBDC-", "ATATT", "ATCTT", "ATATT3xFfGF0");
        Arbitrary<String> body = Arbitraries.strings().withCharRange('!', '~').ofMinLength(PIECE * 2).ofMaxLength(60);
        return Combinators.combine(prefix, body).as(String::concat);
    }

    @Provide
    Arbitrary<Character> badCharacters() {
        return Arbitraries.of(' ', '\t', '\n', '\r', '\u0000', '\u007f', '\u00a0', '\u2028', '\u201c', '\u00e9', '\u3000');
    }
}
