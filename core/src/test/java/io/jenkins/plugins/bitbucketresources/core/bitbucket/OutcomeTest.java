package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void okMapsItsValue() {
        Outcome<Integer> length = new Outcome.Ok<>("main").map(String::length);

        assertThat(length.ok()).contains(4);
        assertThat(length.isOk()).isTrue();
        assertThat(length.message()).isEqualTo("ok");
    }

    @Test
    void failureKeepsItsKindAndDetailsThroughMapping() {
        Outcome<String> limited = new Outcome.RateLimited<>(Optional.of(Instant.EPOCH), "Wait.");

        Outcome<Integer> mapped = limited.map(String::length).flatMap(n -> new Outcome.Ok<>(n + 1));

        assertThat(mapped).isEqualTo(new Outcome.RateLimited<Integer>(Optional.of(Instant.EPOCH), "Wait."));
        assertThat(mapped.ok()).isEmpty();
    }

    @Test
    void everyFailureRetypesToAnEqualFailure() {
        List<Outcome.Failure<String>> all = List.of(
                new Outcome.InvalidToken<>("a"),
                new Outcome.MissingScope<>(List.of("s"), List.of(), "b"),
                new Outcome.NotFound<>("c"),
                new Outcome.RateLimited<>(Optional.empty(), "d"),
                new Outcome.ServerError<>(503, "e"),
                new Outcome.Unreachable<>("f"),
                new Outcome.Timeout<>("g"),
                new Outcome.UnexpectedAnswer<>("h"),
                new Outcome.ListingCut<>(100, "i"));

        assertThat(all).allSatisfy(failure -> {
            Outcome.Failure<Integer> retyped = failure.retype();
            assertThat(retyped).isEqualTo(failure);
            assertThat(Failures.withAdvice(failure, "More."))
                    .isInstanceOf(failure.getClass())
                    .extracting(Outcome::message)
                    .isEqualTo(failure.message() + " More.");
        });
    }

    @Test
    void failureWithoutMessageIsRefused() {
        assertThatThrownBy(() -> new Outcome.NotFound<String>(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverErrorNeedsAServerStatus() {
        assertThatThrownBy(() -> new Outcome.ServerError<String>(404, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identityDescribesWhatIsKnown() {
        assertThat(new Identity(Optional.of("jdoe"), Optional.empty(), Optional.empty(), List.of()).describe())
                .isEqualTo("acts as jdoe");
        assertThat(new Identity(Optional.empty(), Optional.empty(), Optional.empty(), List.of()).describe())
                .isEqualTo("is accepted by Bitbucket");
        assertThat(new Identity(
                                Optional.of("jdoe"),
                                Optional.of("Jane Doe"),
                                Optional.of(SourceName.parse("acme/app")),
                                List.of())
                        .describe())
                .isEqualTo("acts as Jane Doe (jdoe) and can read acme/app");
    }

    @Test
    void branchNeedsACommitId() {
        assertThatThrownBy(() -> new Branch("main", "not-a-commit")).isInstanceOf(IllegalArgumentException.class);
    }
}
