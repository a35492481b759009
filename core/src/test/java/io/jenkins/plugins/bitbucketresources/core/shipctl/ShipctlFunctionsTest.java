package io.jenkins.plugins.bitbucketresources.core.shipctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.RealShell;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every function of the script, under every shell, over the variables of a real block. */
class ShipctlFunctionsTest {

    private static final Map<String, String> BLOCK = ShipctlBlock.variables();

    @TempDir
    Path directory;

    private Path script;

    @BeforeEach
    void writeScript() throws IOException {
        script = ShipctlScript.writeInto(directory);
    }

    private Command.Result run(RealShell shell, String... arguments) {
        return run(shell, BLOCK, arguments);
    }

    private Command.Result run(RealShell shell, Map<String, String> environment, String... arguments) {
        shell.assumeInstalled();
        Command.Result result = shell.run(script, environment, arguments);
        for (String token : ShipctlBlock.TOKENS) {
            assertThat(result.err()).as("standard error").doesNotContain(token);
        }
        return result;
    }

    private Command.Result succeeds(RealShell shell, String... arguments) {
        Command.Result result = run(shell, arguments);
        assertThat(result.err()).as("standard error").isEmpty();
        assertThat(result.exitCode()).as("exit code").isZero();
        return result;
    }

    private void prints(RealShell shell, String expected, String... arguments) {
        assertThat(succeeds(shell, arguments).out()).isEqualTo(expected + "\n");
    }

    private void fails(RealShell shell, int exitCode, String message, String... arguments) {
        Command.Result result = run(shell, arguments);
        assertThat(result.exitCode()).as("exit code").isEqualTo(exitCode);
        assertThat(result.out()).as("standard output").isEmpty();
        assertThat(result.err()).isEqualTo("shipctl: " + message + "\n");
    }

    // --- get_resource_name ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void resourceNameIsTheVariablePrefix(RealShell shell) {
        prints(shell, "APPREPO", "get_resource_name", "app-repo");
        prints(shell, "TOOLS_LIBV2", "get_resource_name", "tools_lib-v2");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void resourceNameLosesItsLeadingDigits(RealShell shell) {
        prints(shell, "NDREPO", "get_resource_name", "2nd-repo");
        prints(shell, "REPO", "get_resource_name", "-42-repo");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void resourceNameWithoutPrefixIsAUsageError(RealShell shell) {
        fails(
                shell,
                2,
                "`2-4.6` gives no variable prefix (only letters, digits and `_` are kept, and leading digits are dropped): "
                        + "give the resource's name, e.g. app-repo",
                "get_resource_name",
                "2-4.6");
    }

    // --- get_resource_env ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void resourceEnvReadsTheUpperCasedKey(RealShell shell) {
        prints(shell, ShipctlBlock.APP_COMMIT, "get_resource_env", "app-repo", "commit");
        prints(shell, "acme/app", "get_resource_env", "app-repo", "sourcename");
        prints(shell, "https://bitbucket.org/acme/app.git", "get_resource_env", "app-repo", "https_url");
        prints(shell, "ssh://git@git.example.com:7999/proj/second.git", "get_resource_env", "2nd-repo", "SSH_URL");
        prints(shell, "develop", "get_resource_env", "tools_lib-v2", "Branch");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void resourceEnvPrintsPatternsAsTheyAre(RealShell shell) {
        prints(shell, "release/*", "get_resource_env", "2nd-repo", "pointer_branches_only_1");
        prints(shell, "v*", "get_resource_env", "2nd-repo", "pointer_tags_only_0");
        prints(shell, "TRUE", "get_resource_env", "2nd-repo", "pointer_buildoncommit");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void resourceEnvGivesTheTokenWhenAskedForItByName(RealShell shell) {
        prints(shell, ShipctlBlock.CLOUD_TOKEN, "get_resource_env", "app-repo", "integration_token");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void unknownCommitSaysHowToGetOne(RealShell shell) {
        fails(
                shell,
                5,
                "NDREPO_COMMIT is not set: the commit of resource `2nd-repo` is not known. A ciRepo has the commit the build "
                        + "checked out; any resource gets its branch head from the Bitbucket API with resolveCommit (bitbucket-resources run: "
                        + "--resolve-commit)",
                "get_resource_env",
                "2nd-repo",
                "commit");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void branchOfAResourceWithSeveralBranchesIsNotSet(RealShell shell) {
        fails(
                shell,
                5,
                "NDREPO_BRANCH is not set: resource `2nd-repo` does not name exactly one branch; set `branch` to one branch",
                "get_resource_env",
                "2nd-repo",
                "branch");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void filterEntryPastTheEndIsNotSet(RealShell shell) {
        fails(
                shell,
                5,
                "NDREPO_POINTER_BRANCHES_ONLY_2 is not set: that filter of resource `2nd-repo` has fewer entries (they are "
                        + "numbered from 0)",
                "get_resource_env",
                "2nd-repo",
                "pointer_branches_only_2");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void shippableOnlyVariableIsNamedAsSuch(RealShell shell) {
        fails(
                shell,
                6,
                "APPREPO_COMMIT_MESSAGE is not set: Shippable set it, bitbucket-resources does not (no resource versions, state "
                        + "or webhook payloads); the commit is get_resource_env app-repo commit",
                "get_resource_env",
                "app-repo",
                "commit_message");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void variableNoResourceSetsIsUnknown(RealShell shell) {
        fails(
                shell,
                6,
                "APPREPO_COLOUR is not set: bitbucket-resources sets no such variable; `bitbucket-resources env` lists those a "
                        + "resource sets",
                "get_resource_env",
                "app-repo",
                "colour");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void variableEveryResourceSetsButWasUnsetIsSaidToBe(RealShell shell) {
        Map<String, String> environment = new HashMap<>(BLOCK);
        environment.remove("APPREPO_SOURCENAME");
        Command.Result result = run(shell, environment, "get_resource_env", "app-repo", "sourcename");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err())
                .isEqualTo("shipctl: APPREPO_SOURCENAME is not set: every resource sets it, so something in this block "
                        + "unset it\n");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void keyThatCannotBePartOfAVariableNameIsAUsageError(RealShell shell) {
        fails(
                shell,
                2,
                "`https-url` cannot be part of a variable name: use letters, digits and `_`, e.g. get_resource_env app-repo "
                        + "https_url",
                "get_resource_env",
                "app-repo",
                "https-url");
        fails(
                shell,
                2,
                "`x;id` cannot be part of a variable name: use letters, digits and `_`, e.g. get_resource_env app-repo "
                        + "https_url",
                "get_resource_env",
                "app-repo",
                "x;id");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void resourceNotInTheBlockIsNamedWithItsVariable(RealShell shell) {
        fails(
                shell,
                4,
                "resource `other-repo` is not in this block (OTHERREPO_NAME is not set): name it in withBitbucketResource, "
                        + "tick it in the build environment of a freestyle job, or pass it to bitbucket-resources run",
                "get_resource_env",
                "other-repo",
                "commit");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void resourceIsFoundByItsPrefixWhateverItsSpelling(RealShell shell) {
        prints(shell, "acme/app", "get_resource_env", "AppRepo", "sourcename");
        prints(shell, "PROJ/second", "get_resource_env", "nd.repo", "sourcename");
    }

    // --- get_resource_type -------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void resourceTypeIsOurs(RealShell shell) {
        prints(shell, "gitRepo", "get_resource_type", "app-repo");
        prints(shell, "ciRepo", "get_resource_type", "2nd-repo");
        prints(shell, "syncRepo", "get_resource_type", "tools_lib-v2");
    }

    // --- get_integration_resource_field --------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void integrationFieldsAreUrlTokenAndUsername(RealShell shell) {
        prints(shell, "https://api.bitbucket.org/2.0", "get_integration_resource_field", "app-repo", "url");
        prints(shell, ShipctlBlock.CLOUD_TOKEN, "get_integration_resource_field", "app-repo", "token");
        prints(shell, "ci-bot@example.com", "get_integration_resource_field", "app-repo", "username");
        prints(shell, "https://git.example.com/bitbucket", "get_integration_resource_field", "2nd-repo", "URL");
        prints(shell, ShipctlBlock.DATA_CENTER_TOKEN, "get_integration_resource_field", "2nd-repo", "Token");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void integrationFieldIsReadLikeShippableDid(RealShell shell) {
        prints(shell, "ci-bot@example.com", "get_integration_resource_field", "app-repo", "userName");
        prints(shell, "ci-bot@example.com", "get_integration_resource_field", "app-repo", "user-name");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void integrationWithoutUsernameSaysSo(RealShell shell) {
        fails(
                shell,
                5,
                "NDREPO_INTEGRATION_USERNAME is not set: the integration of resource `2nd-repo` has no username (access tokens "
                        + "and project HTTP access tokens have none)",
                "get_integration_resource_field",
                "2nd-repo",
                "username");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void otherIntegrationFieldsAreNotProvided(RealShell shell) {
        fails(
                shell,
                6,
                "`password` is not a field of a Bitbucket integration: its fields are url, token and username",
                "get_integration_resource_field",
                "app-repo",
                "password");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void integrationKeysAreTheFieldsItHas(RealShell shell) {
        prints(shell, "url\ntoken\nusername", "get_integration_resource_keys", "app-repo");
        prints(shell, "url\ntoken", "get_integration_resource_keys", "tools_lib-v2");
    }

    // --- get_resource_version_key, get_resource_version_name -----------------------------------------------------

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void versionKeysAreTheFieldsWeHave(RealShell shell) {
        prints(shell, ShipctlBlock.APP_COMMIT, "get_resource_version_key", "app-repo", "commit");
        prints(shell, "main", "get_resource_version_key", "app-repo", "branch");
        prints(shell, "acme/app", "get_resource_version_key", "app-repo", "sourcename");
        prints(shell, "https://bitbucket.org/acme/app.git", "get_resource_version_key", "app-repo", "httpsurl");
        prints(shell, "git@bitbucket.org:acme/app.git", "get_resource_version_key", "app-repo", "sshurl");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void versionKeysTakeShippableSpellings(RealShell shell) {
        prints(shell, ShipctlBlock.TOOLS_COMMIT, "get_resource_version_key", "tools_lib-v2", "shaData.commitSha");
        prints(shell, ShipctlBlock.TOOLS_COMMIT, "get_resource_version_key", "tools_lib-v2", "versionName");
        prints(shell, "develop", "get_resource_version_key", "tools_lib-v2", "shaData.branchName");
        prints(shell, "acme/tools-lib", "get_resource_version_key", "tools_lib-v2", "sourceName");
        prints(
                shell,
                "https://bitbucket.org/acme/tools-lib.git",
                "get_resource_version_key",
                "tools_lib-v2",
                "httpsUrl");
        prints(shell, "git@bitbucket.org:acme/tools-lib.git", "get_resource_version_key", "tools_lib-v2", "ssh_url");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void otherVersionKeysAreNotProvided(RealShell shell) {
        fails(
                shell,
                6,
                "`versionNumber` is not a version key bitbucket-resources has (there is no version.json): use commit, branch, "
                        + "sourceName, httpsUrl or sshUrl",
                "get_resource_version_key",
                "app-repo",
                "versionNumber");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void versionNameIsTheCommit(RealShell shell) {
        prints(shell, ShipctlBlock.APP_COMMIT, "get_resource_version_name", "app-repo");
        Command.Result unknown = run(shell, "get_resource_version_name", "2nd-repo");
        assertThat(unknown.exitCode()).isEqualTo(5);
        assertThat(unknown.err()).startsWith("shipctl: NDREPO_COMMIT is not set");
    }

    // --- sanitize_shippable_string, to_uppercase ------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void sanitizeKeepsLettersDigitsAndUnderscoresInTheirCase(RealShell shell) {
        prints(shell, "foo", "sanitize_shippable_string", "foo!@#");
        prints(shell, "myRepo_v2", "sanitize_shippable_string", "my-Repo_v2");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void sanitizeDropsLeadingDigits(RealShell shell) {
        prints(shell, "ndrepo", "sanitize_shippable_string", "2nd-repo");
        prints(shell, "_1st", "sanitize_shippable_string", "_1st");
        prints(shell, "", "sanitize_shippable_string", "123");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void sanitizeTakesShellCharactersLiterally(RealShell shell) {
        prints(shell, "aHOMEb", "sanitize_shippable_string", "a*$HOME?[]b");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void uppercaseChangesOnlyAsciiLetters(RealShell shell) {
        prints(shell, "FOO!@#", "to_uppercase", "foo!@#");
        prints(shell, "APP-REPO DéPôT *", "to_uppercase", "app-repo dépôt *");
    }

    // --- usage, unknown and unsupported functions ------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void missingArgumentIsAUsageError(RealShell shell) {
        fails(
                shell,
                2,
                "get_resource_env: an argument is missing: shipctl get_resource_env RESOURCE_NAME ENV_NAME",
                "get_resource_env",
                "app-repo");
        fails(
                shell,
                2,
                "get_resource_name: an argument is missing: shipctl get_resource_name RESOURCE_NAME",
                "get_resource_name");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void extraArgumentIsAUsageError(RealShell shell) {
        fails(
                shell,
                2,
                "to_uppercase: too many arguments (quote an argument that holds spaces): shipctl to_uppercase STRING",
                "to_uppercase",
                "two",
                "words");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void emptyArgumentIsAUsageError(RealShell shell) {
        fails(
                shell,
                2,
                "get_integration_resource_field: an argument is empty: shipctl get_integration_resource_field RESOURCE_NAME "
                        + "FIELD",
                "get_integration_resource_field",
                "",
                "token");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void noFunctionPrintsTheHelpAsAUsageError(RealShell shell) {
        Command.Result result = run(shell);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("shipctl get_resource_env RESOURCE_NAME ENV_NAME");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void helpListsTheFunctionsAndExitCodes(RealShell shell) {
        Command.Result result = succeeds(shell, "help");

        assertThat(result.out())
                .contains("get_integration_resource_field RESOURCE_NAME url|token|username")
                .contains("99 Shippable function not supported");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void unknownFunctionIsNamed(RealShell shell) {
        fails(
                shell,
                3,
                "`get_resource_colour` is not a shipctl function: shipctl help lists those bitbucket-resources provides",
                "get_resource_colour",
                "app-repo");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void writersAreNotSupportedAndSaySoWithWhatToUse(RealShell shell) {
        fails(
                shell,
                99,
                "post_resource_state is not supported by bitbucket-resources: Jenkins keeps no resource state to write to or "
                        + "copy from; pass files between stages with stash and unstash, and between builds with archiveArtifacts",
                "post_resource_state",
                "app-repo",
                "KEY",
                "value");
        fails(
                shell,
                99,
                "replace is not supported by bitbucket-resources: it would write every variable, the token among them, into "
                        + "files; substitute the values you need yourself",
                "replace",
                "deploy.json");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void everyOtherShippableFunctionIsNotSupported(RealShell shell) {
        List<String> functions = List.of(
                "post_resource_state",
                "put_resource_state",
                "post_resource_state_multi",
                "put_resource_state_multi",
                "copy_file_to_state",
                "copy_file_from_prev_state",
                "refresh_file_to_state",
                "copy_file_to_resource_state",
                "refresh_file_to_out_path",
                "copy_resource_file_from_state",
                "copy_file_from_resource_state",
                "replicate",
                "get_resource_state",
                "get_resource_path",
                "get_resource_id",
                "get_resource_meta",
                "get_resource_operation",
                "get_resource_version_id",
                "get_resource_version_number",
                "get_resource_pointer_key",
                "get_integration_resource",
                "get_integration_keys",
                "get_integration_field",
                "get_params_resource",
                "replace",
                "decrypt",
                "encrypt",
                "get_json_value",
                "retry",
                "notify",
                "split_tests",
                "bump_version",
                "get_git_changes");
        for (String function : functions) {
            Command.Result result = run(shell, function, "app-repo");
            assertThat(result.exitCode()).as(function).isEqualTo(99);
            assertThat(result.out()).as(function).isEmpty();
            assertThat(result.err())
                    .as(function)
                    .startsWith("shipctl: " + function + " is not supported by bitbucket-resources: ");
        }
    }

    // --- the token ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void tokenIsPrintedOnlyWhenAskedForByName(RealShell shell) {
        List<List<String>> calls = List.of(
                List.of("get_resource_name", "app-repo"),
                List.of("get_resource_env", "app-repo", "integration_url"),
                List.of("get_resource_env", "app-repo", "integration_username"),
                List.of("get_resource_env", "app-repo", "integration"),
                List.of("get_resource_env", "app-repo", "token"),
                List.of("get_resource_type", "app-repo"),
                List.of("get_integration_resource_field", "app-repo", "url"),
                List.of("get_integration_resource_field", "app-repo", "password"),
                List.of("get_integration_resource_field", "app-repo", "secret"),
                List.of("get_integration_resource_keys", "app-repo"),
                List.of("get_resource_version_key", "app-repo", "token"),
                List.of("get_resource_version_name", "app-repo"),
                List.of("get_integration_resource", "app-repo"),
                List.of("get_integration_field", "app-repo", "token"),
                List.of("replace", "file"),
                List.of("help"));
        for (List<String> call : calls) {
            Command.Result result = run(shell, call.toArray(String[]::new));
            assertThat(result.out()).as(String.join(" ", call)).doesNotContain(ShipctlBlock.CLOUD_TOKEN);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = RealShell.class,
            names = {"BASH", "BASH_POSIX"})
    void inheritedTraceDoesNotShowTheToken(RealShell shell) {
        Map<String, String> traced = new HashMap<>(BLOCK);
        traced.put("SHELLOPTS", "braceexpand:hashall:interactive-comments:xtrace:verbose");
        Command.Result result = run(shell, traced, "get_integration_resource_field", "app-repo", "token");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(ShipctlBlock.CLOUD_TOKEN + "\n");
        assertThat(result.err()).contains("+ set +x +v");
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void traceOnTheCommandLineDoesNotShowTheToken(RealShell shell) {
        Command.Result result = shell.run(
                BLOCK, new byte[0], "-x", script.toString(), "get_integration_resource_field", "2nd-repo", "token");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(ShipctlBlock.DATA_CENTER_TOKEN + "\n");
        assertThat(result.err()).doesNotContain(ShipctlBlock.DATA_CENTER_TOKEN).contains("set +x +v");
    }
}
