package io.jenkins.plugins.bitbucketresources.core.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingOutputStreamTest {

    private static final String TOKEN = "ATBBsecret42";

    private final RecordingOutputStream sink = new RecordingOutputStream();

    private MaskingOutputStream stream(String... secrets) {
        List<MaskedSecret> list = new ArrayList<>();
        for (String secret : secrets) {
            list.add(MaskedSecret.of(secret));
        }
        return new MaskingOutputStream(sink, Masker.forSecrets(list));
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void secretSplitAcrossWritesIsMasked() throws IOException {
        try (MaskingOutputStream out = stream(TOKEN)) {
            write(out, "token: ATB");
            write(out, "Bsec");
            write(out, "ret42 done");
        }
        assertThat(sink.text()).isEqualTo("token: **** done");
    }

    @Test
    void secretWrittenOneByteAtATimeIsMasked() throws IOException {
        try (MaskingOutputStream out = stream(TOKEN)) {
            for (byte b : ("<" + TOKEN + ">").getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
            }
        }
        assertThat(sink.text()).isEqualTo("<****>");
    }

    @Test
    void secretSplitAcrossLinesIsMasked() throws IOException {
        String key = "-----BEGIN-----\nAAAA\nBBBB\n-----END-----";
        try (MaskingOutputStream out = stream(key)) {
            for (String line : ("key:\n" + key + "\nok\n").split("(?<=\n)")) {
                write(out, line);
            }
        }
        assertThat(sink.text()).isEqualTo("key:\n****\nok\n");
    }

    @Test
    void textThatCannotStartASecretIsPassedOnWithoutWaiting() throws IOException {
        MaskingOutputStream out = stream(TOKEN);
        write(out, "[INFO] Building project\n");
        assertThat(sink.text()).isEqualTo("[INFO] Building project\n");
    }

    @Test
    void onlyTheTailThatCouldStillBecomeASecretIsHeldBack() throws IOException {
        MaskingOutputStream out = stream(TOKEN);
        write(out, "token: ATBBsec");
        assertThat(sink.text()).isEqualTo("token: ");
        assertThat(out.heldBack()).isEqualTo("ATBBsec".length());
        write(out, "ret42!");
        assertThat(sink.text()).isEqualTo("token: ****!");
        assertThat(out.heldBack()).isZero();
    }

    @Test
    void aTailThatTurnsOutNotToBeASecretIsPassedOnUnchanged() throws IOException {
        MaskingOutputStream out = stream(TOKEN);
        write(out, "token: ATBBsec");
        write(out, "ond");
        assertThat(sink.text()).isEqualTo("token: ATBBsecond");
    }

    @Test
    void atMostTheLongestFormMinusOneByteIsHeldBack() throws IOException {
        Masker masker = Masker.of(List.of("bcdefghij", "abcdefghijklmnopqrst", "mnopqrstuvwxyz"));
        MaskingOutputStream out = new MaskingOutputStream(sink, masker);
        String longestMinusOne = "abcdefghijklmnopqrs";
        write(out, "xx" + longestMinusOne);
        assertThat(out.heldBack()).isEqualTo(masker.longestForm() - 1);
        write(out, "t");
        assertThat(out.heldBack()).isLessThanOrEqualTo(masker.longestForm() - 1);
        out.close();
        assertThat(sink.text()).isEqualTo("xx****");
    }

    @Test
    void aMaskPassedOnEarlyStillCoversALongerFormSharingItsStart() throws IOException {
        MaskingOutputStream out = new MaskingOutputStream(sink, Masker.of(List.of("abc", "abcdef")));
        write(out, "-abcd");
        assertThat(sink.text()).isEqualTo("-****");
        assertThat(out.heldBack()).isEqualTo(1);
        write(out, "ef");
        write(out, "abc+");
        assertThat(sink.text()).isEqualTo("-****+");
    }

    @Test
    void aMaskAlreadyPassedOnIsExtendedByATouchingMatch() throws IOException {
        MaskingOutputStream out = new MaskingOutputStream(sink, Masker.of(List.of("abc", "cdefgh")));
        write(out, "-abc");
        assertThat(sink.text()).isEqualTo("-****");
        write(out, "defgh-");
        assertThat(sink.text()).isEqualTo("-****-");
    }

    @Test
    void flushPassesOnWhatCanNoLongerBecomeASecretAndFlushesTheSink() throws IOException {
        MaskingOutputStream out = stream(TOKEN);
        write(out, "progress 10% ATBB");
        out.flush();
        assertThat(sink.text()).isEqualTo("progress 10% ");
        assertThat(sink.flushes()).isEqualTo(1);
        assertThat(sink.closed()).isFalse();
    }

    @Test
    void flushDoesNotChangeWhatIsMasked() throws IOException {
        try (MaskingOutputStream out = stream(TOKEN)) {
            for (String piece : List.of("a", "ATB", "Bse", "cret", "42", "b")) {
                write(out, piece);
                out.flush();
            }
        }
        assertThat(sink.text()).isEqualTo("a****b");
    }

    @Test
    void closePassesOnTheHeldBackTailAndClosesTheSink() throws IOException {
        MaskingOutputStream out = stream(TOKEN);
        write(out, "end of log: ATBBsec");
        out.close();
        assertThat(sink.text()).isEqualTo("end of log: ATBBsec");
        assertThat(sink.closed()).isTrue();
    }

    @Test
    void closePassesOnAMaskStillWaitingForALongerMatch() throws IOException {
        MaskingOutputStream out = new MaskingOutputStream(sink, Masker.of(List.of("cde", "abcdefgh")));
        write(out, "xabcde");
        assertThat(sink.text()).isEqualTo("x");
        out.close();
        assertThat(sink.text()).isEqualTo("xab****");
    }

    @Test
    void writingAfterCloseFails() throws IOException {
        MaskingOutputStream out = stream(TOKEN);
        out.close();
        assertThatIOException().isThrownBy(() -> write(out, "late")).withMessageContaining("closed");
    }

    @Test
    void closingTwiceIsHarmless() throws IOException {
        MaskingOutputStream out = stream(TOKEN);
        write(out, "x");
        out.close();
        out.close();
        assertThat(sink.text()).isEqualTo("x");
    }

    @Test
    void unmatchedTextIsPassedOnInBulk() throws IOException {
        byte[] log =
                ("[INFO] some line of a build log\n".repeat(40_000) + TOKEN + "\n").getBytes(StandardCharsets.UTF_8);
        try (MaskingOutputStream out = stream(TOKEN)) {
            out.write(log);
        }
        assertThat(sink.writes()).isLessThanOrEqualTo(4);
        assertThat(sink.text()).endsWith("log\n****\n");
    }

    @Test
    void anEmptyMaskerPassesEverythingThrough() throws IOException {
        try (OutputStream out = Masker.of(List.of()).wrap(sink)) {
            write(out, "nothing to hide");
        }
        assertThat(sink.text()).isEqualTo("nothing to hide");
    }

    @Test
    void onlyTheGivenSliceOfTheArrayIsRead() throws IOException {
        byte[] bytes = ("xx" + TOKEN + "yy").getBytes(StandardCharsets.UTF_8);
        try (MaskingOutputStream out = stream(TOKEN)) {
            out.write(bytes, 1, bytes.length - 2);
        }
        assertThat(sink.text()).isEqualTo("x****y");
    }

    @Test
    void concurrentWritersNeverCutIntoEachOthersWrites() throws InterruptedException, IOException {
        MaskingOutputStream out = stream(TOKEN);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 1000; i++) {
                        write(out, "thread " + id + " uses " + TOKEN + " line " + i + "\n");
                    }
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        out.close();
        String[] lines = sink.text().split("\n");
        assertThat(lines).hasSize(4000).allMatch(line -> line.matches("thread \\d uses \\*\\*\\*\\* line \\d+"));
        assertThat(Arrays.stream(lines).distinct().count()).isEqualTo(4000);
    }
}
