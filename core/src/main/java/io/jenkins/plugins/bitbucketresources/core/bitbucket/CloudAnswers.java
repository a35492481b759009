package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import java.util.List;
import java.util.Optional;

/** Reads Bitbucket Cloud REST 2.0 answers. Each method throws {@link UnexpectedShape} for a body Cloud does not send. */
final class CloudAnswers {

    /** One page of a paged list: its values, and the opaque URL of the next page when there is one. */
    record Page(List<JsonNode> values, Optional<String> next) {
        Page {
            values = List.copyOf(values);
        }
    }

    private CloudAnswers() {}

    /** {@code GET /2.0/user}. */
    static Identity identity(JsonNode node) {
        Json.object(node, "the user");
        Optional<String> displayName = Json.text(node, "display_name");
        Optional<String> username = Json.text(node, "username")
                .or(() -> Json.text(node, "nickname"))
                .or(() -> Json.text(node, "account_id"));
        if (displayName.isEmpty() && username.isEmpty()) {
            throw new UnexpectedShape("the user has no `display_name`, `username`, `nickname` nor `account_id`");
        }
        return new Identity(username, displayName, Optional.empty(), List.of());
    }

    /** {@code GET /2.0/repositories/{workspace}/{repo_slug}}, or one value of a repositories page. */
    static RepositoryInfo repository(SourceName source, JsonNode node) {
        Json.object(node, "the repository");
        Optional<String> type = Json.text(node, "type");
        if (type.isPresent() && !type.get().equals("repository")) {
            throw new UnexpectedShape("the answer is a " + Texts.quote(type.get(), 40) + ", not a repository");
        }
        if (Json.text(node, "full_name").isEmpty()
                && Json.text(node, "slug").isEmpty()
                && Json.text(node, "name").isEmpty()) {
            throw new UnexpectedShape("the repository has no `full_name`, `slug` nor `name`");
        }
        JsonNode main = node.get("mainbranch");
        Optional<String> mainBranch = main != null && main.isObject() ? Json.text(main, "name") : Optional.empty();
        CloneLinks.Pair links = CloneLinks.of(node);
        return new RepositoryInfo(source, mainBranch, links.http(), links.ssh());
    }

    /** {@code GET …/refs/branches/{name}}, or one value of a branches page. */
    static Branch branch(JsonNode node) {
        Json.object(node, "the branch");
        String name = Json.text(node, "name").orElseThrow(() -> new UnexpectedShape("the branch has no `name`"));
        JsonNode target = node.get("target");
        if (target == null || !target.isObject()) {
            throw new UnexpectedShape("branch `" + name + "` has no `target` commit");
        }
        String hash = Json.text(target, "hash")
                .orElseThrow(() -> new UnexpectedShape("branch `" + name + "` has no `target.hash`"));
        if (!Branch.isCommitId(hash)) {
            throw new UnexpectedShape(
                    "branch `" + name + "` has `target.hash` " + Texts.quote(hash, 80) + ", which is not a commit ID");
        }
        return new Branch(name, hash);
    }

    /** The paging envelope {@code {"values":[…],"next":"…"}}; no {@code next} on the last page. */
    static Page page(JsonNode node) {
        Json.object(node, "the page");
        JsonNode next = node.get("next");
        if (next != null && !next.isNull() && !next.isTextual()) {
            throw new UnexpectedShape("`next` is not a URL");
        }
        return new Page(Json.array(node, "values"), Json.text(node, "next"));
    }
}
