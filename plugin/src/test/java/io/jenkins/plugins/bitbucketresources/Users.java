package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** Who a test acts as, and how it signs users in. */
final class Users {

    private Users() {}

    static final String ADMIN = "admin";
    static final String SYSTEM_READER = "system-reader";

    /**
     * An administrator, {@value #ADMIN}, and {@value #SYSTEM_READER}, who may read the whole configuration (Overall/
     * SystemRead, which {@link SystemReadEnabled} turns on) but change nothing; add more grants to it as needed.
     */
    static MockAuthorizationStrategy administratorAndSystemReader() {
        return new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to(ADMIN)
                .grant(Jenkins.READ, Jenkins.SYSTEM_READ, Item.READ)
                .everywhere()
                .to(SYSTEM_READER);
    }

    /** Users sign in with their name as password, and may do what the strategy grants them. */
    static void signIn(JenkinsRule j, MockAuthorizationStrategy grants) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(grants);
    }

    /** The call made as the user; as an anonymous visitor when {@code user} is null. */
    @SuppressWarnings("try") // the context is only held for the duration of the call
    static <T> T as(@CheckForNull String user, Supplier<T> call) {
        try (ACLContext ignored = user == null ? ACL.as2(Jenkins.ANONYMOUS2) : ACL.as(User.getById(user, true))) {
            return call.get();
        }
    }

    /** The call made as Jenkins itself, as a build or a background task is. */
    @SuppressWarnings("try") // the context is only held for the duration of the call
    static <T> T asSystem(Supplier<T> call) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return call.get();
        }
    }

    /**
     * Turns Overall/SystemRead on for each test of the class (Jenkins leaves it off unless something asks for it), and
     * back to what it was after.
     */
    static final class SystemReadEnabled implements BeforeEachCallback, AfterEachCallback {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(SystemReadEnabled.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            context.getStore(NAMESPACE).put("enabled", Jenkins.SYSTEM_READ.getEnabled());
            Jenkins.SYSTEM_READ.setEnabled(true);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            Boolean before = context.getStore(NAMESPACE).get("enabled", Boolean.class);
            Jenkins.SYSTEM_READ.setEnabled(before != null && before);
        }
    }
}
