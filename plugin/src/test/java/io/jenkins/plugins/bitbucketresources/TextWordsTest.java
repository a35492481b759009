package io.jenkins.plugins.bitbucketresources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWordsTest {

    @Test
    void patternsAreSplitOnWhitespaceOnly() {
        assertEquals(
                List.of("main", "release/*", "hotfix-?", "dev,ops"),
                TextWords.split("  main release/*\n hotfix-?\tdev,ops "));
    }

    @Test
    void blankTextGivesNothing() {
        assertEquals(List.of(), TextWords.split(" \n\t"));
        assertEquals(List.of(), TextWords.split(""));
        assertEquals(List.of(), TextWords.split(null));
    }
}
