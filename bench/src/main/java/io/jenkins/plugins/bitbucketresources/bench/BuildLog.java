package io.jenkins.plugins.bitbucketresources.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A build log as Jenkins sees one: Maven and Git output, application log lines, test reports, stack traces, long JSON
 * lines, four lines of 1 MiB without a newline (a base64 dump, curl progress, minified JSON, a hex dump), and now and
 * then one of the given secret forms: about one per 2 MiB. The same bytes for the same seed.
 */
final class BuildLog {

    static final int MIB = 1 << 20;

    private static final String[] GROUPS = {
        "org/apache/maven/plugins",
        "com/fasterxml/jackson/core",
        "org/junit/jupiter",
        "io/jenkins/plugins",
        "org/eclipse/jetty",
        "com/google/guava",
        "org/slf4j",
        "io/netty"
    };
    private static final String[] ARTIFACTS = {
        "maven-surefire-plugin",
        "jackson-databind",
        "junit-jupiter-engine",
        "credentials-binding",
        "jetty-server",
        "guava",
        "slf4j-api",
        "netty-handler",
        "commons-lang3",
        "snakeyaml"
    };
    private static final String[] LEVELS = {"INFO ", "DEBUG", "WARN ", "ERROR", "TRACE"};
    private static final String[] WORDS = {
        "order",
        "request",
        "session",
        "cache",
        "index",
        "user",
        "build",
        "artifact",
        "commit",
        "branch",
        "pipeline",
        "stage",
        "worker",
        "queue",
        "timeout",
        "retry",
        "payload",
        "checksum",
        "token"
    };

    private BuildLog() {}

    static byte[] generate(int size, List<String> plantedForms, Random random) {
        ByteArrayOutputStream log = new ByteArrayOutputStream(size + 2 * MIB);
        int[] longLineAt = new int[4];
        for (int k = 0; k < longLineAt.length; k++) {
            longLineAt[k] = (k * size + random.nextInt(size / 2)) / longLineAt.length;
        }
        int nextLongLine = 0;
        StringBuilder line = new StringBuilder(8192);
        while (log.size() < size) {
            if (nextLongLine < longLineAt.length && log.size() >= longLineAt[nextLongLine]) {
                log.writeBytes(longLine(nextLongLine++, random));
                continue;
            }
            line.setLength(0);
            if (!plantedForms.isEmpty() && random.nextInt(20_000) == 0) {
                planted(line, plantedForms.get(random.nextInt(plantedForms.size())), random);
            } else {
                ordinary(line, random);
            }
            log.writeBytes(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = log.toByteArray();
        return bytes.length == size ? bytes : Arrays.copyOf(bytes, size);
    }

    private static void ordinary(StringBuilder line, Random random) {
        int kind = random.nextInt(100);
        if (kind < 25) {
            String group = pick(GROUPS, random);
            String artifact = pick(ARTIFACTS, random);
            String version = random.nextInt(5) + "." + random.nextInt(20) + "." + random.nextInt(10);
            boolean done = random.nextBoolean();
            line.append(done ? "[INFO] Downloaded from central: " : "[INFO] Downloading from central: ")
                    .append("https://repo.maven.apache.org/maven2/")
                    .append(group)
                    .append('/')
                    .append(artifact)
                    .append('/')
                    .append(version)
                    .append('/')
                    .append(artifact)
                    .append('-')
                    .append(version)
                    .append(random.nextBoolean() ? ".pom" : ".jar");
            if (done) {
                line.append(" (")
                        .append(random.nextInt(900) + 1)
                        .append(" kB at ")
                        .append(random.nextInt(9000) + 100)
                        .append(" kB/s)");
            }
        } else if (kind < 55) {
            line.append("2026-")
                    .append(two(random.nextInt(12) + 1))
                    .append('-')
                    .append(two(random.nextInt(28) + 1))
                    .append('T')
                    .append(two(random.nextInt(24)))
                    .append(':')
                    .append(two(random.nextInt(60)))
                    .append(':')
                    .append(two(random.nextInt(60)))
                    .append('.')
                    .append(random.nextInt(900) + 100)
                    .append("Z [pool-")
                    .append(random.nextInt(8))
                    .append("-thread-")
                    .append(random.nextInt(32))
                    .append("] ")
                    .append(pick(LEVELS, random))
                    .append(" c.e.")
                    .append(pick(WORDS, random))
                    .append(".Service - ");
            words(line, 3 + random.nextInt(15), random);
            line.append(" id=")
                    .append(Long.toHexString(random.nextLong()))
                    .append(" in ")
                    .append(random.nextInt(5000))
                    .append(" ms");
        } else if (kind < 65) {
            line.append("\tat com.example.")
                    .append(pick(WORDS, random))
                    .append('.')
                    .append(capital(pick(WORDS, random)))
                    .append("Handler.")
                    .append(pick(WORDS, random))
                    .append('(')
                    .append(capital(pick(WORDS, random)))
                    .append("Handler.java:")
                    .append(random.nextInt(2000))
                    .append(')');
        } else if (kind < 72) {
            line.append("[INFO] Tests run: ")
                    .append(random.nextInt(200))
                    .append(", Failures: 0, Errors: 0, Skipped: ")
                    .append(random.nextInt(3))
                    .append(", Time elapsed: ")
                    .append(random.nextInt(90))
                    .append('.')
                    .append(random.nextInt(1000))
                    .append(" s - in com.example.")
                    .append(capital(pick(WORDS, random)))
                    .append("Test");
        } else if (kind < 80) {
            line.append("+ git fetch --no-tags --force --progress -- https://bitbucket.org/acme/")
                    .append(pick(WORDS, random))
                    .append("-service.git +refs/heads/")
                    .append(pick(WORDS, random))
                    .append(":refs/remotes/origin/")
                    .append(pick(WORDS, random))
                    .append(" # timeout=10");
        } else if (kind < 88) {
            line.append(random.nextBoolean() ? "" : random.nextBoolean() ? "+ set +x" : "BUILD SUCCESS");
        } else if (kind < 97) {
            words(line, 5 + random.nextInt(40), random);
        } else {
            line.append('{');
            int fields = 20 + random.nextInt(400);
            for (int f = 0; f < fields; f++) {
                line.append(f == 0 ? "" : ",")
                        .append('"')
                        .append(pick(WORDS, random))
                        .append(f)
                        .append("\":\"")
                        .append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36))
                        .append('"');
            }
            line.append('}');
        }
    }

    private static void planted(StringBuilder line, String form, Random random) {
        switch (random.nextInt(4)) {
            case 0 ->
                line.append("+ curl -sS -H 'Authorization: Bearer ")
                        .append(form)
                        .append("' https://api.bitbucket.org/2.0/user");
            case 1 -> line.append("> Authorization: Basic ").append(form);
            case 2 ->
                line.append("+ git clone https://x-token-auth:").append(form).append("@bitbucket.org/acme/app.git");
            default -> line.append("TOKEN=").append(form);
        }
    }

    private static byte[] longLine(int which, Random random) {
        StringBuilder line = new StringBuilder(MIB + 100);
        switch (which) {
            case 0 -> {
                byte[] blob = new byte[MIB / 4 * 3];
                random.nextBytes(blob);
                line.append(Base64.getEncoder().encodeToString(blob));
            }
            case 1 -> {
                while (line.length() < MIB) {
                    int percent = random.nextInt(101);
                    line.append(' ')
                            .append(percent)
                            .append("% [")
                            .append("=".repeat(percent / 5))
                            .append('>')
                            .append(" ".repeat(20 - percent / 5))
                            .append("] ")
                            .append(random.nextInt(100))
                            .append('.')
                            .append(random.nextInt(10))
                            .append("MB/s\r");
                }
            }
            case 2 -> {
                while (line.length() < MIB) {
                    line.append("{\"")
                            .append(pick(WORDS, random))
                            .append("\":[")
                            .append(random.nextInt())
                            .append(',')
                            .append(random.nextBoolean())
                            .append(",\"")
                            .append(pick(WORDS, random))
                            .append("\"]},");
                }
            }
            default -> {
                while (line.length() < MIB) {
                    line.append(String.format("%08x", random.nextInt()));
                }
            }
        }
        line.setLength(MIB);
        return line.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void words(StringBuilder line, int count, Random random) {
        for (int w = 0; w < count; w++) {
            line.append(w == 0 ? "" : " ").append(pick(WORDS, random));
        }
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
