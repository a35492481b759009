package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Reads done as someone else than the current user: as the system, to see every folder and store whatever the viewer
 * may see (what is shown of them is then decided by the caller), or as a user, the only one their own credentials
 * store shows its credentials to.
 */
final class Acting {

    private Acting() {}

    @SuppressWarnings("try") // the context is only held for the duration of the read
    static <T> T asSystem(@NonNull Supplier<T> read) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return read.get();
        }
    }

    /** Empty when the security realm no longer knows the user: nothing of theirs can be read. */
    @SuppressWarnings("try") // the context is only held for the duration of the read
    @NonNull
    static <T> Optional<T> asUser(@NonNull User user, @NonNull Supplier<Optional<T>> read) {
        try (ACLContext ignored = ACL.as(user)) {
            return read.get();
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
