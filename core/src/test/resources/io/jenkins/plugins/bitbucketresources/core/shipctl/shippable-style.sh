# A script as a Shippable runSh job had it: every value read through shipctl.
set -e
REPO_COMMIT=$(shipctl get_resource_env app-repo commit)
REPO_SOURCE=$(shipctl get_resource_version_key app-repo sourceName)
API_URL=$(shipctl get_integration_resource_field app-repo url)
API_USER=$(shipctl get_integration_resource_field app-repo userName)
API_TOKEN=$(shipctl get_integration_resource_field app-repo token)
SECOND=$(shipctl get_resource_name 2nd-repo)
eval "SECOND_SOURCE=\$${SECOND}_SOURCENAME"
SECOND_BRANCH_0=$(shipctl get_resource_env 2nd-repo pointer_branches_only_0)
echo "app-repo $REPO_SOURCE at $REPO_COMMIT through $API_URL as $API_USER"
echo "2nd-repo is $SECOND ($SECOND_SOURCE, first branch $SECOND_BRANCH_0)"
if [ "$API_TOKEN" = "$APPREPO_INTEGRATION_TOKEN" ]; then echo "the token is the block's"; fi
shipctl get_resource_env 2nd-repo commit 2>/dev/null || echo "2nd-repo has no commit (shipctl exited $?)"
shipctl copy_file_to_state build.log 2>/dev/null || echo "state is not kept (shipctl exited $?)"
