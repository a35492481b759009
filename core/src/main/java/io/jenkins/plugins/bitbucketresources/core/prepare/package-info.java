/**
 * Preparing a block: from the resource names a job asks for to the variables it gets, or to every problem that stops
 * it. One use case, {@link io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation}, decides for every
 * host, so that a Pipeline step, a freestyle build and the command line refuse the same things with the same words.
 *
 * <h2>What a host does</h2>
 * <ol>
 *   <li>Once (per controller, per command): {@code new BlockPreparation(client::branchHead, executor, clock)}, with the
 *       host's {@code BitbucketClient}, a small executor of its own for the lookups (they block on the network), and
 *       its clock.</li>
 *   <li>Per block: collect the scopes the job sees, nearest first (its folder, the folders above it, the global
 *       configuration), each as a {@link io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions} holding
 *       every {@link io.jenkins.plugins.bitbucketresources.core.prepare.Definition} in the order written, broken ones
 *       included ({@code new Definition(nameAsWritten, validatedResource)}).</li>
 *   <li>Build a {@link io.jenkins.plugins.bitbucketresources.core.prepare.BlockRequest}: the job, the scopes, the names,
 *       an {@link io.jenkins.plugins.bitbucketresources.core.prepare.Integrations} that answers an
 *       {@link io.jenkins.plugins.bitbucketresources.core.prepare.IntegrationLookup} for an ID (found, missing, another
 *       kind of credential, invalid), the checkouts the build made, and the global policy
 *       ({@code globalResourcesFolders}; every job when it lists no folder).</li>
 *   <li>{@code prepare(request)} gives a {@link io.jenkins.plugins.bitbucketresources.core.prepare.Prepared}: {@code Ready}
 *       with the {@code BlockEnvironment} (and warnings to show), or {@code Refused} with every
 *       {@link io.jenkins.plugins.bitbucketresources.core.prepare.BlockProblem}. A host shows
 *       {@code Refused.message()}, or each problem's message with its own hint after it, chosen by
 *       {@link io.jenkins.plugins.bitbucketresources.core.prepare.BlockProblem.Kind}.</li>
 * </ol>
 * {@code select(request)} runs the same steps without asking Bitbucket (for what must be known before a block starts,
 * such as the tokens to mask), and {@code BlockPreparation.visible(scopes, job, policy)} gives what a job sees (each
 * name with its nearest definition, usable, broken, or refused to the job with the policy's line) for lists of choices.
 * A resource the use policy refuses is a {@code POLICY_REFUSED} problem: nothing of the block is injected.
 */
package io.jenkins.plugins.bitbucketresources.core.prepare;
