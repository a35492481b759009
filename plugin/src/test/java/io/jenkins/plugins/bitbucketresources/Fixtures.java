package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.ModelObject;
import hudson.util.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jenkins.model.Jenkins;
import org.jvnet.hudson.test.JenkinsRule;

/** Credentials, resources and folders the tests set up, the way an administrator would. */
final class Fixtures {

    /** Shaped like a Bitbucket Cloud access token; no such token exists. */
    static final String TOKEN = "ATCTT3xFfGN0PluginTestTokenValue0123456789";

    static final String CREDENTIALS_ID = "bitbucket-cloud";

    private Fixtures() {}

    static BitbucketIntegrationCredentialsImpl cloudIntegration(String id, String token) {
        return new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL,
                id,
                "Bitbucket Cloud for builds",
                null,
                Secret.fromString(token),
                null,
                null,
                null);
    }

    /** The credentials store that belongs to the context itself (not one inherited from above it). */
    static CredentialsStore storeOf(ModelObject context) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            if (store.getContext() == context) {
                return store;
            }
        }
        throw new AssertionError("no credentials store on " + context.getDisplayName());
    }

    static void addGlobally(Credentials credentials) throws IOException {
        storeOf(Jenkins.get()).addCredentials(Domain.global(), credentials);
    }

    static void addToFolder(AbstractFolder<?> folder, Credentials credentials) throws IOException {
        storeOf(folder).addCredentials(Domain.global(), credentials);
    }

    static BitbucketResource resource(String name, String type, String credentialsId, String sourceName) {
        return new BitbucketResource(name, type, credentialsId, sourceName);
    }

    static BitbucketResource gitRepo(String name, String sourceName) {
        return resource(name, "gitRepo", CREDENTIALS_ID, sourceName);
    }

    static void defineGlobally(BitbucketResource... resources) {
        BitbucketResourcesConfiguration.get().setResources(List.of(resources));
    }

    static void defineOn(AbstractFolder<?> folder, BitbucketResource... resources) throws IOException {
        folder.addProperty(new BitbucketResourcesFolderProperty(List.of(resources)));
    }

    static Folder folder(JenkinsRule j, String name) throws IOException {
        return j.jenkins.createProject(Folder.class, name);
    }

    /** The files under a directory whose bytes contain the text. */
    static List<Path> filesContaining(Path directory, String text) throws IOException {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    if (indexOf(Files.readAllBytes(file), wanted) >= 0) {
                        found.add(file);
                    }
                } catch (NoSuchFileException e) {
                    // a temporary file the build removed while the directory was searched
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
