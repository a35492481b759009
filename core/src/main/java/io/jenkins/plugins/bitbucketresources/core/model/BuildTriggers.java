package io.jenkins.plugins.bitbucketresources.core.model;

/** Which Bitbucket events a resource builds on. By default: commits only. */
public record BuildTriggers(boolean commit, boolean pullRequest, boolean tagPush, boolean release) {

    public static final BuildTriggers DEFAULT = new BuildTriggers(true, false, false, false);
}
