package io.jenkins.plugins.bitbucketresources.core.bitbucket;

/** Answer bodies written for the tests, shaped like Bitbucket's (see the fixtures' README for the real ones). */
final class Bodies {

    static final String MAIN_HEAD = "5a1c0ffee0ddba11c0de5eed0fca11ab1e5ca1ab";
    static final String FEATURE_HEAD = "0b5e55ed0ddf00dcafebabe0123456789abcdef0";
    static final String OTHER_HEAD = "feedfacecafebeef000011112222333344445555";

    private Bodies() {}

    static String cloudUser() {
        return """
                {"username": "jdoe", "display_name": "Jane Doe", "account_id": "712020:0f5e7c1a-4d2b-4e59-9a5e-1c2d3e4f5a6b",
                 "type": "user", "uuid": "{0f5e7c1a-4d2b-4e59-9a5e-1c2d3e4f5a6b}", "account_status": "active",
                 "links": {"self": {"href": "https://api.bitbucket.org/2.0/users/%7B0f5e7c1a-4d2b-4e59-9a5e-1c2d3e4f5a6b%7D"}}}""";
    }

    static String cloudRepository() {
        return """
                {"type": "repository", "full_name": "acme/app", "name": "app", "slug": "app", "is_private": true, "scm": "git",
                 "mainbranch": {"type": "branch", "name": "main"},
                 "links": {"clone": [{"href": "https://jdoe@bitbucket.org/acme/app.git", "name": "https"},
                                     {"href": "git@bitbucket.org:acme/app.git", "name": "ssh"}],
                           "html": {"href": "https://bitbucket.org/acme/app"}},
                 "workspace": {"type": "workspace", "slug": "acme", "name": "ACME"},
                 "project": {"type": "project", "key": "APP", "name": "Applications"}}""";
    }

    static String cloudBranch(String name, String hash) {
        return """
                {"name": "%s", "type": "branch", "default_merge_strategy": "squash",
                 "target": {"hash": "%s", "type": "commit", "message": "Change things\\n", "date": "2026-02-27T09:12:44+00:00",
                            "parents": [{"hash": "%s", "type": "commit"}]}}""".formatted(name, hash, OTHER_HEAD);
    }

    static String cloudPage(String next, String... values) {
        return "{\"pagelen\": " + values.length + ", \"page\": 1, \"values\": [" + String.join(",", values) + "]"
                + (next == null ? "" : ", \"next\": \"" + next + "\"") + "}";
    }

    static String cloudError(String message) {
        return "{\"type\": \"error\", \"error\": {\"message\": \"" + message + "\"}}";
    }

    static String cloudScopeError(String required, String... granted) {
        return "{\"type\": \"error\", \"error\": {\"message\": \"Your credentials lack a required privilege scope.\", \"detail\": "
                + "{\"required\": [\"" + required + "\"], \"granted\": [\"" + String.join("\", \"", granted) + "\"]}}}";
    }

    static String dataCenterRepository() {
        return """
                {"slug": "app", "id": 7, "name": "app", "scmId": "git", "state": "AVAILABLE", "forkable": true, "public": false,
                 "project": {"key": "PROJ", "id": 3, "name": "Project", "public": false, "type": "NORMAL"},
                 "links": {"clone": [{"href": "ssh://git@bitbucket.example.com:7999/proj/app.git", "name": "ssh"},
                                     {"href": "https://jdoe@bitbucket.example.com/scm/proj/app.git", "name": "http"}],
                           "self": [{"href": "https://bitbucket.example.com/projects/PROJ/repos/app/browse"}]}}""";
    }

    static String dataCenterBranch(String name, String commit, boolean isDefault) {
        return """
                {"id": "refs/heads/%s", "displayId": "%s", "type": "BRANCH", "latestCommit": "%s", "latestChangeset": "%s", "isDefault": %s}""".formatted(name, name, commit, commit, isDefault);
    }

    static String dataCenterPage(int start, Integer nextPageStart, boolean lastPage, String... values) {
        return "{\"size\": " + values.length + ", \"limit\": 100, \"isLastPage\": " + lastPage + ", \"values\": ["
                + String.join(",", values) + "], \"start\": " + start
                + (nextPageStart == null ? "" : ", \"nextPageStart\": " + nextPageStart) + "}";
    }

    static String dataCenterError(String message, String exception) {
        return "{\"errors\": [{\"context\": null, \"message\": \"" + message + "\", \"exceptionName\": \"" + exception
                + "\"}]}";
    }
}
