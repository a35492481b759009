package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import java.util.List;
import java.util.Optional;

/**
 * Reads Bitbucket Data Center REST 1.0 answers. Each method throws {@link UnexpectedShape} for a body Data Center
 * does not send.
 */
final class DataCenterAnswers {

    private static final String HEADS = "refs/heads/";

    /**
     * One page of a paged list.
     *
     * @param nextPageStart where the next page starts; present whenever {@code lastPage} is false
     */
    record Page(List<JsonNode> values, boolean lastPage, Optional<Integer> nextPageStart) {
        Page {
            values = List.copyOf(values);
        }
    }

    private DataCenterAnswers() {}

    /** {@code GET /rest/api/1.0/projects/{key}/repos/{slug}}; the main branch comes from another request. */
    static RepositoryInfo repository(SourceName source, JsonNode node) {
        Json.object(node, "the repository");
        if (Json.text(node, "slug").isEmpty() && Json.text(node, "name").isEmpty()) {
            throw new UnexpectedShape("the repository has no `slug` nor `name`");
        }
        CloneLinks.Pair links = CloneLinks.of(node);
        return new RepositoryInfo(source, Optional.empty(), links.http(), links.ssh());
    }

    /** A branch: {@code …/branches/default}, or one value of a {@code …/branches} page. */
    static Branch branch(JsonNode node) {
        String name = branchName(node);
        String commit = Json.text(node, "latestCommit")
                .or(() -> Json.text(node, "latestChangeset"))
                .orElseThrow(() -> new UnexpectedShape("branch `" + name + "` has no `latestCommit`"));
        if (!Branch.isCommitId(commit)) {
            throw new UnexpectedShape("branch `" + name + "` has `latestCommit` " + Texts.quote(commit, 80)
                    + ", which is not a commit ID");
        }
        return new Branch(name, commit);
    }

    /** The short name of a branch ref: {@code displayId}, else {@code id} without {@code refs/heads/}. */
    static String branchName(JsonNode node) {
        Json.object(node, "the branch");
        Optional<String> display = Json.text(node, "displayId");
        if (display.isPresent()) {
            return display.get();
        }
        String id =
                Json.text(node, "id").orElseThrow(() -> new UnexpectedShape("the branch has no `displayId` nor `id`"));
        return id.startsWith(HEADS) ? id.substring(HEADS.length()) : id;
    }

    /**
     * The paging envelope {@code {"values":[…],"isLastPage":…,"nextPageStart":…}}. A page that is not the last must
     * say where the next starts: without that, following it could never end.
     */
    static Page page(JsonNode node) {
        Json.object(node, "the page");
        JsonNode last = node.get("isLastPage");
        if (last == null || !last.isBoolean()) {
            throw new UnexpectedShape("the page has no `isLastPage`");
        }
        List<JsonNode> values = Json.array(node, "values");
        JsonNode next = node.get("nextPageStart");
        Optional<Integer> nextPageStart =
                next != null && next.canConvertToInt() && next.isIntegralNumber() && next.asInt() >= 0
                        ? Optional.of(next.asInt())
                        : Optional.empty();
        if (!last.asBoolean() && nextPageStart.isEmpty()) {
            throw new UnexpectedShape(
                    "a page that is not the last (`isLastPage: false`) has no usable `nextPageStart`");
        }
        return new Page(values, last.asBoolean(), nextPageStart);
    }
}
