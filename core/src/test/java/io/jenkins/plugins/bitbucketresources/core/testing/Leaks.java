package io.jenkins.plugins.bitbucketresources.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/** Where a token shows up: its literal and the base64 forms an HTTP Basic header or an encoder would give it. */
public final class Leaks {

    private Leaks() {}

    /** The token, its base64, and base64 of {@code user:token} for each user. */
    public static List<String> formsOf(String token, String... users) {
        List<String> forms = new ArrayList<>();
        forms.add(token);
        forms.add(base64(token));
        for (String user : users) {
            forms.add(base64(user + ":" + token));
        }
        return forms;
    }

    public static List<String> inText(String text, List<String> forms) {
        return forms.stream().filter(text::contains).toList();
    }

    /** Every regular file under {@code directory} that holds one of the forms, read as bytes. */
    public static List<Path> inFiles(Path directory, List<String> forms) {
        if (!Files.exists(directory)) {
            return List.of();
        }
        List<byte[]> needles =
                forms.stream().map(f -> f.getBytes(StandardCharsets.UTF_8)).toList();
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        try {
                            byte[] content = Files.readAllBytes(file);
                            return needles.stream().anyMatch(needle -> indexOf(content, needle) >= 0);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many regular files there are under {@code directory}: a scan of none proves nothing. */
    public static long fileCount(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
