package io.jenkins.plugins.bitbucketresources.core.naming;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Variables that Jenkins, its SCM plugins and the shell set. A resource prefix must not reach into them: a prefix
 * equal to one of them ({@code PATH}), or one that owns part of their namespace ({@code JOB} for {@code JOB_NAME},
 * {@code GIT} for {@code GIT_COMMIT}), would let a resource overwrite or shadow what builds rely on.
 */
public final class ReservedVariables {

    private static final Set<String> KNOWN = Set.copyOf(List.of(
            // Jenkins core
            "BUILD_NUMBER",
            "BUILD_ID",
            "BUILD_DISPLAY_NAME",
            "BUILD_TAG",
            "BUILD_URL",
            "BUILD_CAUSE",
            "JOB_NAME",
            "JOB_BASE_NAME",
            "JOB_URL",
            "JOB_DISPLAY_URL",
            "RUN_DISPLAY_URL",
            "RUN_ARTIFACTS_DISPLAY_URL",
            "RUN_CHANGES_DISPLAY_URL",
            "RUN_TESTS_DISPLAY_URL",
            "EXECUTOR_NUMBER",
            "NODE_NAME",
            "NODE_LABELS",
            "WORKSPACE",
            "WORKSPACE_TMP",
            "JENKINS_HOME",
            "JENKINS_URL",
            "JENKINS_SERVER_COOKIE",
            "JENKINS_NODE_COOKIE",
            "HUDSON_HOME",
            "HUDSON_URL",
            "HUDSON_SERVER_COOKIE",
            "CI",
            "STAGE_NAME",
            // Git plugin and git itself
            "GIT_COMMIT",
            "GIT_PREVIOUS_COMMIT",
            "GIT_PREVIOUS_SUCCESSFUL_COMMIT",
            "GIT_BRANCH",
            "GIT_LOCAL_BRANCH",
            "GIT_CHECKOUT_DIR",
            "GIT_URL",
            "GIT_COMMITTER_NAME",
            "GIT_AUTHOR_NAME",
            "GIT_COMMITTER_EMAIL",
            "GIT_AUTHOR_EMAIL",
            "GIT_SSH",
            "GIT_SSH_COMMAND",
            "GIT_ASKPASS",
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_CONFIG_COUNT",
            // Multibranch and pull requests
            "BRANCH_NAME",
            "BRANCH_IS_PRIMARY",
            "CHANGE_ID",
            "CHANGE_URL",
            "CHANGE_TITLE",
            "CHANGE_AUTHOR",
            "CHANGE_AUTHOR_DISPLAY_NAME",
            "CHANGE_AUTHOR_EMAIL",
            "CHANGE_TARGET",
            "CHANGE_BRANCH",
            "CHANGE_FORK",
            "TAG_NAME",
            "TAG_TIMESTAMP",
            "TAG_UNIXTIME",
            "TAG_DATE",
            // Subversion and Mercurial
            "SVN_REVISION",
            "SVN_URL",
            "MERCURIAL_REVISION",
            // Shell and operating system
            "PATH",
            "HOME",
            "PWD",
            "OLDPWD",
            "SHELL",
            "USER",
            "LOGNAME",
            "HOSTNAME",
            "IFS",
            "PS1",
            "TERM",
            "LANG",
            "LC_ALL",
            "TMPDIR",
            "TMP",
            "TEMP",
            "LD_LIBRARY_PATH",
            "LD_PRELOAD",
            "SSH_AUTH_SOCK",
            "DISPLAY",
            "MAIL",
            "JAVA_HOME",
            "JAVA_OPTS",
            "MAVEN_OPTS",
            "MAVEN_HOME",
            "M2_HOME",
            "USERPROFILE",
            "SYSTEMROOT",
            "COMSPEC",
            "PATHEXT",
            "WINDIR",
            "APPDATA",
            "PROGRAMFILES"));

    private ReservedVariables() {}

    /** Every variable this guard protects, sorted. */
    public static Set<String> known() {
        return new TreeSet<>(KNOWN);
    }

    /**
     * What a prefix would collide with: the variables it equals or whose namespace it owns, sorted. Empty when the
     * prefix is safe.
     */
    public static Optional<List<String>> collisions(String prefix) {
        List<String> hits = KNOWN.stream()
                .filter(known -> known.equals(prefix) || known.startsWith(prefix + "_"))
                .sorted()
                .toList();
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits);
    }
}
