package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void whitespaceAndControlCharactersBecomeOneSpace() {
        assertThat(Texts.clip("  a\n\tb\u0007c  ", 50)).isEqualTo("a b c");
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        assertThat(Texts.clip("abcdefghij", 5)).isEqualTo("abcd…");
    }

    @Test
    void longValueIsMeasuredNotQuoted() {
        assertThat(Texts.quote("abc", 5)).isEqualTo("`abc`");
        assertThat(Texts.quote("abcdef", 5)).isEqualTo("a value of 6 characters");
    }

    @Test
    void durationsReadLikePeopleWriteThem() {
        assertThat(Texts.duration(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(Texts.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Texts.duration(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(Texts.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    }
}
