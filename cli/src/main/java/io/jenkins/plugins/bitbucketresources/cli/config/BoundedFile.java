package io.jenkins.plugins.bitbucketresources.cli.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads a file a user named, at most {@code limit} bytes of it, and only when it is a regular file: a device such as
 * {@code /dev/zero} never ends, and a FIFO blocks until someone writes to it, so neither is read at all. What cannot be
 * read comes back as a {@link Refused} that says why, for the caller to put into its own words.
 */
final class BoundedFile {

    /** What reading gave. */
    sealed interface Read permits Content, Refused {}

    record Content(byte[] bytes) implements Read {}

    /**
     * Why the file was not read; {@code detail} completes the sentence for {@link Why#SPECIAL}, {@link Why#TOO_LARGE} and
     * {@link Why#OTHER}.
     */
    record Refused(Why why, String detail) implements Read {}

    enum Why {
        MISSING,
        DENIED,
        DIRECTORY,
        SPECIAL,
        LOOP,
        TOO_LARGE,
        OTHER
    }

    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private BoundedFile() {}

    static Read read(Path path, long limit) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                return new Refused(Why.DIRECTORY, "");
            }
            if (!attributes.isRegularFile()) {
                return new Refused(Why.SPECIAL, kind(path));
            }
            if (attributes.size() > limit) {
                return new Refused(Why.TOO_LARGE, size(attributes.size()));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                // The size can change between the look and the read: the bound holds for what is read.
                bytes = in.readNBytes(Math.toIntExact(limit + 1));
            }
            if (bytes.length > limit) {
                return new Refused(Why.TOO_LARGE, "over " + size(limit));
            }
            return new Content(bytes);
        } catch (NoSuchFileException e) {
            return new Refused(Why.MISSING, "");
        } catch (AccessDeniedException e) {
            return new Refused(Why.DENIED, "");
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "" : e.getReason();
            if (reason.toLowerCase(Locale.ROOT).contains("symbolic links")) {
                return new Refused(Why.LOOP, "");
            }
            if (reason.toLowerCase(Locale.ROOT).contains("is a directory")) {
                return new Refused(Why.DIRECTORY, "");
            }
            return new Refused(Why.OTHER, reason.isEmpty() ? e.getClass().getSimpleName() : reason);
        } catch (IOException e) {
            return new Refused(Why.OTHER, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** What a file that is neither a directory nor a regular file is, as {@code ls -l} would tell. */
    private static String kind(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & S_IFMT) {
                case S_IFIFO -> "a FIFO (named pipe)";
                case S_IFCHR -> "a character device";
                case S_IFBLK -> "a block device";
                case S_IFSOCK -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "not a regular file";
        }
    }

    /** A size as people say it: {@code 4116 bytes}, {@code 12 KiB}, {@code 8.5 MiB}. */
    static String size(long bytes) {
        if (bytes < 10 * 1024 && bytes % 1024 != 0) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return units(bytes / 1024.0) + " KiB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return units(bytes / (1024.0 * 1024)) + " MiB";
        }
        return units(bytes / (1024.0 * 1024 * 1024)) + " GiB";
    }

    private static String units(double value) {
        return value == Math.floor(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
