#!/bin/sh
# Prints the injected token in the forms a build log typically leaks it. Run through `bitbucket-resources run`,
# every one of them comes out as ****.
token="$APPREPO_INTEGRATION_TOKEN"
user="$APPREPO_INTEGRATION_USERNAME"

echo "repository:      $APPREPO_SOURCENAME on branch $APPREPO_BRANCH ($APPREPO_HTTPS_URL)"
echo "token as is:     $token"
echo "in a sentence:   the token is ${token}, do not share it"
printf 'base64:          %s\n' "$(printf %s "$token" | base64)"
printf 'Basic header:    Authorization: Basic %s\n' "$(printf %s "$user:$token" | base64)"
set -x
: "traced by set -x" "$token"
set +x
echo "split writes:    $(printf %s "$token" | cut -c1-5)" | tr -d '\n'; printf %s "$token" | cut -c6-
