package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** No message about a bad integration, whatever is wrong with it, contains the token or a piece of it. */
class TokenSecrecyTest {

    private static final int PIECE = 8;

    private static final List<Character> BAD_CHARACTERS =
            List.of(' ', '\t', '\n', '\r', '\u0000', '\u007f', '\u00a0', '\u2028', '\u201c', '\u00e9', '\u3000');

    @Test
    void tokenWithABadCharacterInsideIsNeverRepeated() {
        GeneratedCases.check(1000, generate -> {
            String token = token(generate);
            char bad = generate.pick(BAD_CHARACTERS);
            int at = 1 + Math.floorMod(generate.anyInt(), token.length() - 1);
            String raw = token.substring(0, at) + bad + token.substring(at);

            assertThatThrownBy(() -> Token.of(raw))
                    .isInstanceOf(InvalidValueException.class)
                    .satisfies(e -> assertNoPieceOf(token, e.getMessage()));
        });
    }

    @Test
    void detectionNeverRepeatsTheToken() {
        GeneratedCases.check(1000, generate -> {
            String token = token(generate);
            for (Platform platform : Platform.values()) {
                for (Optional<String> username : usernames()) {
                    try {
                        TokenKind.detect(platform, username, Token.of(token));
                    } catch (InvalidValueException e) {
                        assertNoPieceOf(token, e.getMessage());
                    }
                }
            }
        });
    }

    @Test
    void fitCheckNeverRepeatsTheToken() {
        GeneratedCases.check(1000, generate -> {
            String token = token(generate);
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
        });
    }

    @Test
    void builderProblemsNeverRepeatTheToken() {
        GeneratedCases.check(1000, generate -> {
            String token = token(generate);
            for (UnaryOperator<Integration.Builder> breakage : breakages()) {
                Validated<Integration> result = breakage.apply(
                                Integration.builder().id("c").token(token))
                        .build();

                List<String> texts = new ArrayList<>();
                result.problems().forEach(p -> texts.add(p.toString()));
                if (result instanceof Validated.Valid<Integration> valid) {
                    texts.add(valid.value().toString());
                } else {
                    assertThatThrownBy(result::orElseThrow).satisfies(e -> texts.add(e.getMessage()));
                }
                texts.forEach(text -> assertNoPieceOf(token, text));
            }
        });
    }

    @Test
    void tokenNeverAppearsInItsOwnStringForm() {
        GeneratedCases.check(1000, generate -> {
            String token = token(generate);
            assertThat(Token.of(token).toString()).isEqualTo("****");
            assertThat(String.valueOf(Token.of(token))).doesNotContain(token);
        });
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

    /** A known prefix, or none, then printable ASCII. */
    private static String token(Generator generate) {
        String prefix = generate.pick("", "ATBB", "BBDC-", "ATATT", "ATCTT", "ATATT3xFfGF0");
        return prefix + generate.string(Generator.VISIBLE_ASCII, PIECE * 2, 60);
    }
}
