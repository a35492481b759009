package io.jenkins.plugins.bitbucketresources.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VariableTest {

    @Test
    void plainVariableDisplaysItsValue() {
        assertThat(new Variable("APP_NAME", "app", false).display()).isEqualTo("APP_NAME=app");
    }

    @Test
    void secretVariableDisplaysTheMask() {
        Variable token = new Variable("APP_INTEGRATION_TOKEN", "ATCTT-secret", true);

        assertThat(token.display()).isEqualTo("APP_INTEGRATION_TOKEN=****");
        assertThat(token).hasToString("APP_INTEGRATION_TOKEN=****");
    }
}
