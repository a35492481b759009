package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What checking an integration found out: who the token acts as when Bitbucket says so, and which repository it was
 * proven on when the check went through a repository.
 *
 * @param username the account (Cloud {@code username}, or {@code account_id} when it has none; Data Center the
 *     {@code X-AUSERNAME} header)
 * @param displayName the account's display name (Cloud only)
 * @param repository the repository the token was shown to read, when the check used one
 * @param warnings things that work but deserve attention, each a sentence saying what to do
 */
public record Identity(
        Optional<String> username,
        Optional<String> displayName,
        Optional<SourceName> repository,
        List<String> warnings) {

    public Identity {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(repository, "repository");
        warnings = List.copyOf(warnings);
    }

    /** One line, e.g. {@code acts as Jane Doe (jdoe)} or {@code can read acme/app}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (displayName.isPresent()
                && username.isPresent()
                && !displayName.get().equals(username.get())) {
            parts.add("acts as " + displayName.get() + " (" + username.get() + ")");
        } else if (displayName.isPresent() || username.isPresent()) {
            parts.add("acts as " + displayName.or(() -> username).orElseThrow());
        }
        repository.ifPresent(r -> parts.add("can read " + r));
        return parts.isEmpty() ? "is accepted by Bitbucket" : String.join(" and ", parts);
    }
}
