package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --checkout}, for the commands that set variables: what the job has checked out, as a build would have, so that
 * a {@code ciRepo} with {@code onlyOwnCheckout} can be used.
 */
final class CheckoutOption {

    @Option(
            names = "--checkout",
            paramLabel = "REMOTE_URL",
            description =
                    "A repository the job has checked out itself (its remote URL, e.g. https://bitbucket.org/acme/app.git); "
                            + "a ciRepo with onlyOwnCheckout: true is usable only then. Repeat for several.")
    List<String> remotes = new ArrayList<>();

    /** The checkouts, without commits: the command line checks nothing out and asks Bitbucket for commits itself. */
    List<Checkout> checkouts() {
        return remotes.stream().map(Checkout::withoutCommit).toList();
    }
}
