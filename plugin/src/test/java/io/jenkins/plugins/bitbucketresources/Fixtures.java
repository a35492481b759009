package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.EnvVars;
import hudson.Functions;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.Descriptor;
import hudson.model.FreeStyleProject;
import hudson.model.ModelObject;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.mask.MaskedSecret;
import io.jenkins.plugins.bitbucketresources.core.mask.SecretForms;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.actions.ErrorAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;

/** Credentials, resources and folders the tests set up, the way an administrator would. */
final class Fixtures {

    /** Shaped like a Bitbucket Cloud access token; no such token exists. */
    static final String TOKEN = "ATCTT3xFfGN0PluginTestTokenValue0123456789";

    static final String CREDENTIALS_ID = "bitbucket-cloud";

    private Fixtures() {}

    static BitbucketIntegrationCredentialsImpl cloudIntegration(String id, String token)
            throws Descriptor.FormException {
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

    /** A Data Center integration whose API URL is {@code http://} to another machine: the token would travel in clear. */
    static BitbucketIntegrationCredentialsImpl plainHttpIntegration() throws Descriptor.FormException {
        return new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL,
                "plain-http",
                null,
                "http://bitbucket.example.com",
                Secret.fromString("BBDC-MTIzNDU2Nzg5MDEyOlBsdWdpblRlc3RTZWNyZXQ="),
                null,
                null,
                "projectHttpToken");
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

    /** Replaces what the folder defines, as saving its page does. */
    static void defineOn(AbstractFolder<?> folder, BitbucketResource... resources) throws IOException {
        folder.getProperties().removeAll(BitbucketResourcesFolderProperty.class);
        folder.addProperty(new BitbucketResourcesFolderProperty(List.of(resources)));
    }

    /**
     * Changes a folder's saved configuration the way someone editing its {@code config.xml} by hand would, and reloads
     * it: nothing checks the resources on the way, so a definition can be left broken, as one saved before a rule
     * changed is.
     */
    static void editSavedConfiguration(AbstractFolder<?> folder, String from, String to) throws IOException {
        String xml = folder.getConfigFile().asString();
        if (!xml.contains(from)) {
            throw new AssertionError("the saved configuration of " + folder.getFullName() + " has no " + from);
        }
        folder.updateByXml((Source) new StreamSource(new StringReader(xml.replace(from, to))));
    }

    static Folder folder(JenkinsRule j, String name) throws IOException {
        return j.jenkins.createProject(Folder.class, name);
    }

    /** A freestyle job in the folder that uses the resources. */
    static FreeStyleProject freestyle(Folder folder, String name, String... resources) throws IOException {
        FreeStyleProject project = folder.createProject(FreeStyleProject.class, name);
        project.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of(resources)));
        return project;
    }

    /** A build step that prints {@code step sees:} and what the build's environment holds for each variable. */
    static TestBuilder printing(String... variables) {
        return new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                    throws IOException, InterruptedException {
                EnvVars environment = build.getEnvironment(listener);
                List<String> values = new ArrayList<>();
                for (String variable : variables) {
                    values.add(environment.get(variable));
                }
                listener.getLogger().println("step sees: " + String.join(" ", values));
                return true;
            }
        };
    }

    /**
     * Every form of the token the block masks, and each of them as an XML file of the build would hold it (flow nodes
     * and build records are XML).
     */
    static List<String> formsOf(String token) {
        List<String> forms = new ArrayList<>();
        for (String form : SecretForms.of(new MaskedSecret(token, Optional.empty()))) {
            forms.add(form);
            String xml = form.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;")
                    .replace("'", "&apos;")
                    .replace("\r", "&#xd;");
            if (!xml.equals(form)) {
                forms.add(xml);
            }
        }
        return forms;
    }

    /**
     * Everything the build's flow nodes keep of their failures, as Pipeline reads them back from the build's records:
     * for each {@link ErrorAction}, the printed failure with its causes and suppressed failures (messages and stack
     * traces), and each of their messages and descriptions on its own.
     */
    static List<String> storedFailures(WorkflowRun run) {
        List<String> texts = new ArrayList<>();
        for (FlowNode node : new DepthFirstScanner().allNodes(run.getExecution())) {
            for (ErrorAction action : node.getActions(ErrorAction.class)) {
                Throwable error = action.getError();
                texts.add(Functions.printThrowable(error));
                describe(error, texts, 0);
            }
        }
        return texts;
    }

    private static void describe(Throwable failure, List<String> texts, int depth) {
        if (failure == null || depth > 32) {
            return;
        }
        texts.add(String.valueOf(failure.getMessage()));
        texts.add(String.valueOf(failure.getLocalizedMessage()));
        texts.add(failure.toString());
        for (Throwable suppressed : failure.getSuppressed()) {
            describe(suppressed, texts, depth + 1);
        }
        describe(failure.getCause(), texts, depth + 1);
    }

    /** The stored failures of a build that carry any of the forms. */
    static List<String> storedFailuresContaining(WorkflowRun run, List<String> forms) {
        List<String> found = new ArrayList<>();
        for (String text : storedFailures(run)) {
            for (String form : forms) {
                if (text.contains(form)) {
                    found.add(text);
                    break;
                }
            }
        }
        return found;
    }

    /** The files under a directory that contain any of the forms. */
    static List<Path> filesContainingAny(Path directory, List<String> forms) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String form : forms) {
            for (Path file : filesContaining(directory, form)) {
                if (!found.contains(file)) {
                    found.add(file);
                }
            }
        }
        return found;
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

    /** Where the bytes first occur in others; -1 when nowhere. */
    static int indexOf(byte[] haystack, byte[] needle) {
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

    /** A configuration-as-code file holding the text, as the URL configuration as code reads. */
    static String yamlFile(String yaml) throws IOException {
        Path file = Files.createTempFile("bitbucket-resources", ".yml");
        Files.writeString(file, yaml);
        file.toFile().deleteOnExit();
        return file.toUri().toString();
    }

    /** The messages of a failure and of its causes, one a line, for a message that a cause may carry. */
    static String messagesOf(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
