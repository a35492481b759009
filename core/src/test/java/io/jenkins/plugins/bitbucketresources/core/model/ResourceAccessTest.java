package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceAccessTest {

    private static Resource.Builder base(String type) {
        return Resource.builder().name("app").type(type).integration("bb").sourceName("acme/app");
    }

    @Test
    void resourceWithoutPolicyIsOpenToEveryJob() {
        Resource resource = base("gitRepo").build().orElseThrow();

        assertThat(resource.access()).isEqualTo(JobAccess.OPEN);
        assertThat(resource.access().limitsJobs()).isFalse();
    }

    @Test
    void builderTakesAllowedJobsAndOwnCheckout() {
        Resource resource = base("ciRepo")
                .allowedJobs(List.of("team-a/**", "release/*"))
                .onlyOwnCheckout(true)
                .build()
                .orElseThrow();

        assertThat(resource.access().allowedJobs())
                .extracting(JobPattern::value)
                .containsExactly("team-a/**", "release/*");
        assertThat(resource.access().onlyOwnCheckout()).isTrue();
    }

    @Test
    void badPatternIsReportedUnderItsIndexWithTheOtherProblems() {
        Validated<Resource> validated = base("gitRepo")
                .sourceName("")
                .allowedJobs(List.of("ok/*", "bad//x"))
                .build();

        assertThat(validated.problems()).extracting(Problem::field).contains("sourceName", "allowedJobs[1]");
    }

    @Test
    void ownCheckoutOnAnotherTypeIsRefused() {
        Validated<Resource> validated = base("gitRepo").onlyOwnCheckout(true).build();

        assertThat(validated.isValid()).isFalse();
        assertThat(validated.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("onlyOwnCheckout");
            assertThat(p.message()).contains("is set on a gitRepo").contains("make the resource a ciRepo");
        });
    }

    @Test
    void recordRefusesOwnCheckoutOnASyncRepo() {
        Resource sync = base("syncRepo").build().orElseThrow();

        assertThatThrownBy(() -> new Resource(
                        sync.name(),
                        sync.type(),
                        sync.integration(),
                        sync.sourceName(),
                        sync.branch(),
                        sync.branches(),
                        sync.tags(),
                        sync.buildOn(),
                        sync.resolveCommit(),
                        sync.gitAuth(),
                        sync.shipctl(),
                        new JobAccess(List.of(), true)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("syncRepo");
    }

    @Test
    void aCopyKeepsTheAccess() {
        Resource resource =
                base("gitRepo").allowedJobs(List.of("team-a/**")).build().orElseThrow();

        assertThat(resource.withResolveCommit(true).access())
                .isEqualTo(JobAccess.parse(List.of("team-a/**"), false).orElseThrow());
    }
}
