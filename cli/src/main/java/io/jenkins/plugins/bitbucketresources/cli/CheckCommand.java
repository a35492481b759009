package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.cli.config.ConfigFile;
import io.jenkins.plugins.bitbucketresources.cli.config.Finding;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResource;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResources;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Validates a resources file and, unless offline, its integrations and resources against Bitbucket. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the whole resources file and print every problem found; then, unless --offline, check every integration",
            "(who its token acts as) and every resource (its repository is visible, its branch exists) against Bitbucket.",
            "With --job, list what the job sees, and check only those resources and their integrations."
        })
final class CheckCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    CommonOptions options;

    @Option(names = "--offline", description = "Only validate the file; do not contact Bitbucket.")
    boolean offline;

    @Option(
            names = "--timeout",
            paramLabel = "TIME",
            defaultValue = "60s",
            converter = TimeConverter.class,
            description =
                    "How long the checks against Bitbucket may take in all, e.g. 30s, 2m (default: ${DEFAULT-VALUE}). "
                            + "What has not finished by then is reported as such.")
    Duration timeout;

    CheckCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Optional<JobPath> job = Selection.job(options.job());
        ConfigFile file = Selection.load(terminal, options.config);
        List<Finding> findings = file.allFindings();
        findings.forEach(f -> terminal.out().println(f.format()));
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        int resources = file.globalResources().size()
                + file.folders().values().stream().mapToInt(List::size).sum();
        terminal.out()
                .println(file.path() + ": " + file.integrations().size()
                        + plural(file.integrations().size(), " integration")
                        + ", " + resources + plural(resources, " resource") + " in "
                        + (file.folders().size() + 1) + plural(file.folders().size() + 1, " scope")
                        + "; " + errors + plural(errors, " error") + ", " + warnings + plural(warnings, " warning"));
        if (errors > 0) {
            return ExitCodes.USAGE;
        }
        Optional<VisibleResources> view = job.map(j -> file.visibleTo(job));
        view.ifPresent(v -> terminal.out()
                .println("job " + job.orElseThrow().fullName() + " sees "
                        + (v.isEmpty()
                                ? "no resources"
                                : v.size() + plural(v.size(), " resource") + ": "
                                        + v.all().stream()
                                                .map(VisibleResource::describe)
                                                .collect(Collectors.joining(", ")))));
        if (offline) {
            return ExitCodes.OK;
        }
        // What the policy refuses to the job is listed above, not checked: the job could not use it.
        Optional<List<ResolvedResource>> usable = view.map(
                v -> v.usable().stream().map(VisibleResource.Usable::resolved).toList());
        return new OnlineCheck(terminal, timeout, options.debug).run(file, usable);
    }

    static String plural(long count, String noun) {
        return count == 1 ? noun : noun + "s";
    }

    /** {@code 90}, {@code 90s}, {@code 2m}, {@code 1h}, {@code 500ms}: a plain number is seconds. */
    static final class TimeConverter implements ITypeConverter<Duration> {
        private static final Pattern TIME = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");
        private static final Duration LONGEST = Duration.ofHours(24);

        @Override
        public Duration convert(String value) {
            Matcher matcher = TIME.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new TypeConversionException("`" + value + "` is not a time: write e.g. 30s, 2m or 1h");
            }
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            Duration time =
                    switch (unit) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofSeconds(amount);
                    };
            if (time.isZero() || time.compareTo(LONGEST) > 0) {
                throw new TypeConversionException(
                        "`" + value + "` is out of range: give more than zero and at most 24h");
            }
            return time;
        }
    }
}
