package io.jenkins.plugins.bitbucketresources.cli.config;

import io.jenkins.plugins.bitbucketresources.core.definition.Definitions;
import io.jenkins.plugins.bitbucketresources.core.health.Concern;
import io.jenkins.plugins.bitbucketresources.core.health.StaticFindings;
import io.jenkins.plugins.bitbucketresources.core.model.BuildTriggers;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Token;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.naming.ClosestNames;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a resources file (YAML) into the engine's model, collecting every problem with its line instead of stopping
 * at the first. Tokens come from the environment ({@code token: ${BITBUCKET_TOKEN}}) or a file ({@code tokenFile});
 * a token written inline is accepted with a warning. YAML merge keys ({@code <<: *defaults}) are followed, keys
 * written out winning over merged ones.
 *
 * <p>A problem inside a resource or integration entry belongs to that entry: the entry is broken, and only a command
 * that uses it fails (as in Jenkins, where one broken definition does not stop the others). How entries relate to
 * each other (a name or a variable prefix used twice in a list, a reference to an integration the file lacks) is
 * reported for {@code check}; a command meets those through the engine if it uses them. Anything else (not YAML, a
 * wrong shape, an entry without a name) makes the file unusable as a whole.
 */
public final class ConfigLoader {

    /** The largest resources file read: some 40,000 resources written out in full, far more than a Jenkins has. */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** The largest token file read: a token is a few hundred characters at most. */
    public static final int MAX_TOKEN_FILE_BYTES = 4 * 1024;

    private static final Set<String> TOP_KEYS = Set.of("integrations", "resources", "folders", "policy");
    private static final Set<String> INTEGRATION_KEYS =
            Set.of("id", "url", "username", "platform", "kind", "token", "tokenFile");
    private static final Set<String> FOLDER_KEYS = Set.of("resources");
    private static final Set<String> RESOURCE_KEYS = Set.of(
            "name",
            "type",
            "integration",
            "sourceName",
            "branch",
            "branches",
            "tags",
            "buildOnCommit",
            "buildOnPullRequest",
            "buildOnTagPush",
            "buildOnRelease",
            "resolveCommit",
            "gitAuth",
            "shipctl",
            "allowedJobs",
            "onlyOwnCheckout");
    private static final Set<String> POLICY_KEYS = Set.of(GlobalPolicy.FIELD);
    private static final Set<String> FILTER_KEYS = Set.of("only", "except");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> environment;

    /** @param environment where {@code ${NAME}} in a token is looked up, normally {@link System#getenv()} */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The whole file, every part validated: what {@code check} needs. */
    public ConfigFile load(Path path) {
        return new Load(path, Optional.empty()).run();
    }

    /**
     * What a job sees: the integrations, the global resources and policy, and the resources of the folders the job sits
     * in; the other folders are neither validated nor, where the file's layout allows, even parsed ({@link FolderCut}).
     * Without a job, only the global resources are read.
     */
    public ConfigFile loadFor(Path path, Optional<JobPath> job) {
        return new Load(
                        path,
                        Optional.of(
                                Set.copyOf(job.map(JobPath::foldersNearestFirst).orElse(List.of()))))
                .run();
    }

    /** A resource's reference to an integration, with where it was written; the resource when it is valid. */
    private record Reference(String integration, Node node, String field, Optional<Resource> resource) {}

    /** One pass over one file. */
    private final class Load {
        private final Path path;
        /** The folders to read; empty to read them all. */
        private final Optional<Set<String>> onlyFolders;

        private final List<Finding> findings = new ArrayList<>();
        /** Errors that leave the whole file unusable. */
        private final List<Finding> fileErrors = new ArrayList<>();

        private final Map<String, IntegrationEntry> integrations = new LinkedHashMap<>();
        private final List<DefinitionEntry> global = new ArrayList<>();
        private final Map<String, List<DefinitionEntry>> folders = new LinkedHashMap<>();
        private final List<Reference> references = new ArrayList<>();
        private GlobalPolicy policy = GlobalPolicy.EVERY_JOB;
        /** The entry being read, whose findings belong to it; none outside entries. */
        private List<Finding> owner;
        /** Whether the findings being made are about how entries relate: for `check`, not for the whole file. */
        private boolean relations;
        /** Fields whose value has the wrong shape, already reported: what the engine says about them again is noise. */
        private final Set<String> misshapen = new HashSet<>();

        private boolean foldersCut;

        Load(Path path, Optional<Set<String>> onlyFolders) {
            this.path = path;
            this.onlyFolders = onlyFolders;
        }

        ConfigFile run() {
            Optional<Node> root = parse();
            root.ifPresent(this::readRoot);
            return new ConfigFile(path, integrations, global, folders, findings, fileErrors, policy);
        }

        private Optional<Node> parse() {
            Optional<String> text = text();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (onlyFolders.isPresent()) {
                Optional<FolderCut.Result> cut =
                        FolderCut.keepOnly(text.get(), onlyFolders.get()).filter(c -> c.cut() > 0);
                if (cut.isPresent()) {
                    int findingsBefore = findings.size();
                    int fileErrorsBefore = fileErrors.size();
                    Optional<Node> root = compose(cut.get().kept());
                    if (root.isPresent()) {
                        foldersCut = true;
                        return root;
                    }
                    // What the cut left does not parse: read the whole file, so the error is the file's own.
                    findings.subList(findingsBefore, findings.size()).clear();
                    fileErrors.subList(fileErrorsBefore, fileErrors.size()).clear();
                }
            }
            return compose(text.get());
        }

        private Optional<String> text() {
            BoundedFile.Read read = BoundedFile.read(path, MAX_FILE_BYTES);
            if (read instanceof BoundedFile.Refused refused) {
                fileError(
                        switch (refused.why()) {
                            case MISSING -> "does not exist: check the path given to --config";
                            case DENIED ->
                                "cannot be read (permission denied): make it readable by the user running bitbucket-resources";
                            case DIRECTORY ->
                                "is a directory: give the path of the resources file (YAML) in it, e.g. `--config "
                                        + path.resolve("bitbucket-resources.yml") + "`";
                            case SPECIAL ->
                                "is " + refused.detail()
                                        + ", not a regular file: write the resources to a file and give its path";
                            case LOOP ->
                                "is a symbolic link that leads back to itself (a loop): point the link at the resources file";
                            case TOO_LARGE ->
                                "is too large (" + refused.detail() + "): a resources file may have at most "
                                        + BoundedFile.size(MAX_FILE_BYTES)
                                        + " (some 40,000 resources); check that this is the resources file";
                            case OTHER -> "cannot be read (" + refused.detail() + "): check the path given to --config";
                        });
                return Optional.empty();
            }
            Optional<String> text = utf8((BoundedFile.Content) read);
            if (text.isEmpty()) {
                fileError("is not UTF-8 text: save it as UTF-8");
            }
            return text;
        }

        private Optional<Node> compose(String text) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowRecursiveKeys(false);
            options.setMaxAliasesForCollections(50);
            // A file within MAX_FILE_BYTES never holds more code points than that; SnakeYAML's own default is 3 Mi.
            options.setCodePointLimit(MAX_FILE_BYTES);
            Yaml yaml = new Yaml(new SafeConstructor(options));
            try (Reader reader = new StringReader(text)) {
                List<Node> documents = new ArrayList<>();
                yaml.composeAll(reader).forEach(documents::add);
                if (documents.isEmpty()) {
                    fileError("is empty: start from examples/bitbucket-resources.yml");
                    return Optional.empty();
                }
                if (documents.size() > 1) {
                    error(documents.get(1), "", "the file holds more than one YAML document (`---`): keep one");
                }
                return Optional.of(documents.get(0));
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String problem = e.getProblem() == null ? "not valid YAML" : e.getProblem();
                add(new Finding(
                        Problem.Severity.ERROR,
                        path,
                        mark == null ? 0 : mark.getLine() + 1,
                        mark == null ? 0 : mark.getColumn() + 1,
                        "",
                        "is not valid YAML: " + problem + (e.getContext() == null ? "" : " (" + e.getContext() + ")")));
                return Optional.empty();
            } catch (YAMLException | IOException e) {
                fileError("is not valid YAML: " + e.getMessage());
                return Optional.empty();
            }
        }

        private void readRoot(Node root) {
            Optional<Map<String, NodeTuple>> top = mapping(root, "", TOP_KEYS);
            if (top.isEmpty()) {
                return;
            }
            Map<String, NodeTuple> keys = top.get();
            Optional.ofNullable(keys.get("integrations")).ifPresent(t -> readIntegrations(t.getValueNode()));
            Optional.ofNullable(keys.get("resources"))
                    .ifPresent(t -> global.addAll(readResources(t.getValueNode(), "resources")));
            Optional.ofNullable(keys.get("folders")).ifPresent(t -> readFolders(t.getValueNode()));
            Optional.ofNullable(keys.get("policy")).ifPresent(t -> readPolicy(t.getValueNode()));
            if (!keys.containsKey("resources") && !keys.containsKey("folders")) {
                error(root, "", "defines no resources: add a `resources:` list, or `folders:` with resources");
            }
            relations = true;
            checkIntegrationReferences();
            relations = false;
        }

        private void readIntegrations(Node node) {
            for (Map.Entry<Integer, Node> item : sequence(node, "integrations").entrySet()) {
                String field = "integrations[" + item.getKey() + "]";
                List<Finding> own = new ArrayList<>();
                owner = own;
                Optional<String> id = mapping(item.getValue(), field, INTEGRATION_KEYS)
                        .flatMap(keys -> readIntegration(item.getValue(), field, keys, own));
                owner = null;
                if (id.isEmpty()) {
                    // Nothing can refer to an integration without an ID: what is wrong with it is wrong with the file.
                    own.stream().filter(Finding::isError).forEach(fileErrors::add);
                }
            }
        }

        /** Reads one integration; its ID when it has one. */
        private Optional<String> readIntegration(
                Node node, String field, Map<String, NodeTuple> keys, List<Finding> own) {
            Integration.Builder builder = Integration.builder();
            Optional<String> id = string(keys, "id", field);
            id.ifPresent(builder::id);
            string(keys, "url", field).ifPresent(builder::url);
            string(keys, "username", field).ifPresent(builder::username);
            string(keys, "platform", field).ifPresent(builder::platform);
            string(keys, "kind", field).ifPresent(builder::kind);
            List<Finding> tokenFindings = new ArrayList<>();
            Optional<Token> token = readToken(node, field, keys, tokenFindings);
            token.ifPresent(builder::token);
            if (id.isEmpty()) {
                if (!misshapen.contains(field + ".id")) {
                    error(
                            node,
                            field + ".id",
                            "is missing: give the integration an ID that resources refer to, e.g. `id: bitbucket-cloud`");
                }
                return Optional.empty();
            }
            Validated<Integration> validated = builder.build();
            Optional<Integration> integration = Optional.empty();
            for (Problem problem : validated.problems()) {
                if (token.isEmpty() && problem.field().equals(Token.FIELD)) {
                    continue; // the token's source was already reported
                }
                if (!alreadyReported(field, problem)) {
                    report(keys, field, problem, node);
                }
            }
            if (validated instanceof Validated.Valid<Integration> valid) {
                integration = Optional.of(valid.value());
                for (Concern concern : StaticFindings.of(valid.value())) {
                    warning(keys.get("url").getValueNode(), field + ".url", concern.message());
                }
            }
            String key = id.get().strip();
            if (integrations.containsKey(key)) {
                // The first integration of an ID is the one resources use; this one is only reported.
                error(
                        keys.get("id").getValueNode(),
                        field + ".id",
                        "`" + key + "` is used by another integration (line "
                                + integrations.get(key).line() + "): give each integration its own ID");
                return Optional.of(key);
            }
            integrations.put(key, new IntegrationEntry(key, line(node), integration, tokenFindings, own));
            return Optional.of(key);
        }

        private Optional<Token> readToken(
                Node node, String field, Map<String, NodeTuple> keys, List<Finding> tokenFindings) {
            boolean inline = keys.containsKey("token");
            boolean file = keys.containsKey("tokenFile");
            if (inline && file) {
                error(
                        keys.get("tokenFile").getKeyNode(),
                        field + ".tokenFile",
                        "is set together with `token`: keep one of them");
                return Optional.empty();
            }
            if (!inline && !file) {
                error(
                        node,
                        field + ".token",
                        "is missing: add `token: ${BITBUCKET_TOKEN}` (read from the environment) or "
                                + "`tokenFile: path/to/token`");
                return Optional.empty();
            }
            if (file) {
                Optional<String> tokenPath = string(keys, "tokenFile", field);
                return tokenPath.flatMap(p ->
                        readTokenFile(keys.get("tokenFile").getValueNode(), field + ".tokenFile", p, tokenFindings));
            }
            Node valueNode = keys.get("token").getValueNode();
            Optional<String> raw = string(keys, "token", field);
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            Matcher variables = VARIABLE.matcher(raw.get());
            if (!variables.find()) {
                warning(
                        valueNode,
                        field + ".token",
                        "is written in the file in plain text: anyone who can read the file can use it; "
                                + "write `token: ${BITBUCKET_TOKEN}` and export the variable, or use `tokenFile`");
                return token(valueNode, field + ".token", raw.get(), Optional.empty());
            }
            StringBuilder value = new StringBuilder();
            variables.reset();
            while (variables.find()) {
                String name = variables.group(1);
                String found = environment.get(name);
                if (found == null || found.isEmpty()) {
                    tokenFindings.add(finding(
                            Problem.Severity.ERROR,
                            valueNode,
                            field + ".token",
                            "environment variable " + name
                                    + (found == null ? " is not set" : " is empty") + ": export it (`export " + name
                                    + "=<token>`) before running, "
                                    + "or use `tokenFile`"));
                    return Optional.empty();
                }
                variables.appendReplacement(value, Matcher.quoteReplacement(found));
            }
            variables.appendTail(value);
            return token(valueNode, field + ".token", value.toString(), Optional.of(tokenFindings));
        }

        private Optional<Token> readTokenFile(Node node, String field, String raw, List<Finding> tokenFindings) {
            Path tokenPath = path.toAbsolutePath().getParent().resolve(raw.strip());
            BoundedFile.Read read = BoundedFile.read(tokenPath, MAX_TOKEN_FILE_BYTES);
            if (read instanceof BoundedFile.Refused refused) {
                tokenFindings.add(finding(
                        Problem.Severity.ERROR,
                        node,
                        field,
                        "`" + raw + "` "
                                + switch (refused.why()) {
                                    case MISSING ->
                                        "does not exist (paths are relative to the resources file): create it or fix the path";
                                    case DENIED ->
                                        "cannot be read (permission denied): make it readable by the user running bitbucket-resources";
                                    case DIRECTORY -> "is a directory: point it at the file holding the token";
                                    case SPECIAL ->
                                        "is " + refused.detail()
                                                + ", not a regular file: write the token to a file (`chmod 600` it) and point "
                                                + "tokenFile at it, or use `token: ${VARIABLE}`";
                                    case LOOP ->
                                        "is a symbolic link that leads back to itself (a loop): point it at the file holding the token";
                                    case TOO_LARGE ->
                                        "is too large (" + refused.detail() + "): a token file may have at most "
                                                + BoundedFile.size(MAX_TOKEN_FILE_BYTES)
                                                + "; it should hold only the token";
                                    case OTHER -> "cannot be read (" + refused.detail() + ")";
                                }));
                return Optional.empty();
            }
            Optional<String> text = utf8((BoundedFile.Content) read);
            if (text.isEmpty()) {
                tokenFindings.add(finding(
                        Problem.Severity.ERROR,
                        node,
                        field,
                        "`" + raw + "` is not UTF-8 text: it should hold only the token"));
                return Optional.empty();
            }
            warnIfReadableByOthers(node, field, tokenPath);
            return token(node, field, text.get(), Optional.of(tokenFindings));
        }

        /** The file's text, or empty when it is not UTF-8: decoded strictly, where new String would replace bad bytes. */
        private static Optional<String> utf8(BoundedFile.Content content) {
            try {
                return Optional.of(StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(ByteBuffer.wrap(content.bytes()))
                        .toString());
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
        }

        private void warnIfReadableByOthers(Node node, String field, Path tokenPath) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(tokenPath);
                if (permissions.contains(PosixFilePermission.OTHERS_READ)
                        || permissions.contains(PosixFilePermission.GROUP_READ)) {
                    warning(node, field, "the token file can be read by other users: `chmod 600` it");
                }
            } catch (UnsupportedOperationException | IOException e) {
                // Not a POSIX file system: nothing to say about permissions.
            }
        }

        /** @param source where problems of a token read from elsewhere go; empty for a token written in the file */
        private Optional<Token> token(Node node, String field, String raw, Optional<List<Finding>> source) {
            try {
                return Optional.of(Token.of(raw));
            } catch (InvalidValueException e) {
                Finding problem = finding(Problem.Severity.ERROR, node, field, e.getMessage());
                source.ifPresentOrElse(into -> into.add(problem), () -> add(problem));
                return Optional.empty();
            }
        }

        private void readFolders(Node node) {
            if (foldersCut && isNull(node)) {
                return; // every folder was cut away: none is the job's
            }
            if (!(node instanceof MappingNode mappingNode)) {
                error(
                        node,
                        "folders",
                        "must be a mapping of folder full names to their resources, e.g. `team-a: {resources: [...]}`");
                return;
            }
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple tuple : mappingNode.getValue()) {
                if (onlyFolders.isPresent()
                        && !(tuple.getKeyNode() instanceof ScalarNode key
                                && onlyFolders.get().contains(key.getValue().strip()))) {
                    continue; // not a folder the job sits in: not this command's business
                }
                if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                    error(
                            tuple.getKeyNode(),
                            "folders.<<",
                            "YAML merge keys are not followed between folders: write each folder's "
                                    + "`resources:` out (a merge key inside a resource works)");
                    continue;
                }
                Optional<String> name = scalarText(tuple.getKeyNode(), "folders");
                if (name.isEmpty()) {
                    continue;
                }
                String field = "folders." + name.get();
                String fullName;
                try {
                    fullName = JobPath.parse(name.get()).fullName();
                } catch (InvalidValueException e) {
                    error(
                            tuple.getKeyNode(),
                            field,
                            "`" + name.get()
                                    + "` is not a folder full name: write folder names separated by `/`, e.g. `team-a/backend`");
                    continue;
                }
                Node previous = seen.putIfAbsent(fullName, tuple.getKeyNode());
                if (previous != null) {
                    error(
                            tuple.getKeyNode(),
                            field,
                            "folder `" + fullName + "` is listed twice (also line " + line(previous)
                                    + "): merge the two lists");
                    continue;
                }
                mapping(tuple.getValueNode(), field, FOLDER_KEYS).ifPresent(keys -> {
                    NodeTuple resources = keys.get("resources");
                    if (resources == null) {
                        error(
                                tuple.getValueNode(),
                                field + ".resources",
                                "is missing: list the folder's resources under `resources:`");
                    } else {
                        folders.put(fullName, readResources(resources.getValueNode(), field + ".resources"));
                    }
                });
            }
        }

        private List<DefinitionEntry> readResources(Node node, String field) {
            List<DefinitionEntry> entries = new ArrayList<>();
            List<Node> nameNodes = new ArrayList<>();
            for (Map.Entry<Integer, Node> item : sequence(node, field).entrySet()) {
                String itemField = field + "[" + item.getKey() + "]";
                List<Finding> own = new ArrayList<>();
                owner = own;
                Optional<Map<String, NodeTuple>> keys = mapping(item.getValue(), itemField, RESOURCE_KEYS);
                Optional<Resource> resource = keys.flatMap(k -> readResource(item.getValue(), itemField, k));
                owner = null;
                Optional<NodeTuple> name = keys.map(k -> k.get("name"))
                        .filter(t -> t.getValueNode() instanceof ScalarNode scalar
                                && !isNull(scalar)
                                && !scalar.getValue().isBlank());
                if (name.isEmpty()) {
                    // An entry without a name could be the nearest definition of any name: the file cannot be trusted.
                    own.stream().filter(Finding::isError).forEach(fileErrors::add);
                    continue;
                }
                List<Problem> errors = own.stream()
                        .filter(Finding::isError)
                        .map(f -> Problem.error(f.field(), f.message()))
                        .toList();
                Validated<Resource> validated = errors.isEmpty() && resource.isPresent()
                        ? new Validated.Valid<>(resource.get(), List.of())
                        : new Validated.Invalid<>(
                                errors.isEmpty()
                                        ? List.of(Problem.error(itemField, "is not a valid resource"))
                                        : errors);
                Node start = item.getValue();
                entries.add(new DefinitionEntry(
                        ((ScalarNode) name.get().getValueNode()).getValue().strip(),
                        line(start),
                        start.getStartMark().getColumn() + 1,
                        itemField,
                        validated,
                        own));
                nameNodes.add(name.get().getValueNode());
            }
            relations = true;
            for (Definitions.Conflict conflict : Definitions.conflicts(
                    entries.stream().map(DefinitionEntry::resource).toList())) {
                DefinitionEntry entry = entries.get(conflict.index());
                DefinitionEntry earlier = entries.get(conflict.earlier());
                error(
                        nameNodes.get(conflict.index()),
                        entry.field() + ".name",
                        conflict.problem()
                                .message()
                                .replace(
                                        "(" + Definitions.FIELD + "[" + conflict.earlier() + "]",
                                        "(" + earlier.field() + ", line " + earlier.line()));
            }
            // The engine compares the valid entries; a name written twice is a duplicate even when one of the two is
            // broken.
            Map<String, Integer> firstByName = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                DefinitionEntry entry = entries.get(i);
                Integer first = firstByName.putIfAbsent(entry.name(), i);
                if (first != null
                        && !(entry.resource() instanceof Validated.Valid
                                && entries.get(first).resource() instanceof Validated.Valid)) {
                    DefinitionEntry earlier = entries.get(first);
                    error(
                            nameNodes.get(i),
                            entry.field() + ".name",
                            "`" + entry.name() + "` is already defined in this scope ("
                                    + earlier.field()
                                    + ", line " + earlier.line() + "): rename one of them or remove the duplicate");
                }
            }
            relations = false;
            return entries;
        }

        private Optional<Resource> readResource(Node node, String field, Map<String, NodeTuple> keys) {
            Resource.Builder builder = Resource.builder();
            boolean complete = true;
            for (String required : List.of("name", "type", "integration", "sourceName")) {
                if (!keys.containsKey(required)) {
                    error(
                            node,
                            field + "." + required,
                            "is missing: every resource needs `name`, `type`, `integration` and `sourceName`");
                    complete = false;
                }
            }
            string(keys, "name", field).ifPresent(builder::name);
            string(keys, "type", field).ifPresent(builder::type);
            string(keys, "integration", field).ifPresent(builder::integration);
            string(keys, "sourceName", field).ifPresent(builder::sourceName);
            string(keys, "branch", field).ifPresent(builder::branch);
            filter(keys, "branches", field).ifPresent(f -> builder.branches(f.get("only"), f.get("except")));
            filter(keys, "tags", field).ifPresent(f -> builder.tags(f.get("only"), f.get("except")));
            BuildTriggers defaults = BuildTriggers.DEFAULT;
            builder.buildOn(new BuildTriggers(
                    bool(keys, "buildOnCommit", field).orElse(defaults.commit()),
                    bool(keys, "buildOnPullRequest", field).orElse(defaults.pullRequest()),
                    bool(keys, "buildOnTagPush", field).orElse(defaults.tagPush()),
                    bool(keys, "buildOnRelease", field).orElse(defaults.release())));
            bool(keys, "resolveCommit", field).ifPresent(builder::resolveCommit);
            bool(keys, "gitAuth", field).ifPresent(builder::gitAuth);
            bool(keys, "shipctl", field).ifPresent(builder::shipctl);
            names(keys, "allowedJobs", field, "a job full name or pattern, e.g. `team-a/**`")
                    .ifPresent(builder::allowedJobs);
            bool(keys, "onlyOwnCheckout", field).ifPresent(builder::onlyOwnCheckout);
            if (!complete) {
                return Optional.empty();
            }
            Validated<Resource> validated = builder.build();
            validated.problems().stream()
                    .filter(problem -> !alreadyReported(field, problem))
                    .forEach(problem -> report(keys, field, problem, node));
            Optional<Resource> resource = validated instanceof Validated.Valid<Resource> valid
                    ? Optional.of(valid.value())
                    : Optional.empty();
            string(keys, "integration", field)
                    .map(String::strip)
                    .filter(id -> !id.isEmpty())
                    .ifPresent(id -> references.add(
                            new Reference(id, keys.get("integration").getValueNode(), field, resource)));
            return resource;
        }

        /** After everything is read: each resource names an integration of the file, and fits its platform. */
        private void checkIntegrationReferences() {
            for (Reference reference : references) {
                IntegrationEntry entry = integrations.get(reference.integration());
                if (entry == null) {
                    List<String> close = ClosestNames.closest(reference.integration(), integrations.keySet());
                    error(
                            reference.node(),
                            reference.field() + ".integration",
                            "`" + reference.integration() + "` is not an integration of this file"
                                    + (close.isEmpty()
                                            ? ""
                                            : " (did you mean "
                                                    + close.stream()
                                                            .map(c -> "`" + c + "`")
                                                            .collect(Collectors.joining(" or "))
                                                    + "?)")
                                    + ": add it under `integrations:` or fix the ID");
                    continue;
                }
                entry.integration()
                        .ifPresent(integration -> reference.resource().ifPresent(resource -> {
                            try {
                                resource.sourceName().checkFor(integration.platform());
                            } catch (InvalidValueException e) {
                                error(reference.node(), reference.field() + ".sourceName", e.getMessage());
                            }
                        }));
            }
        }

        /**
         * {@code policy: {globalResourcesFolders: [team-a, platform/release]}}: who may use the global resources. An error
         * here spoils the whole file: a policy that cannot be read must not leave the global resources open to every job.
         */
        private void readPolicy(Node node) {
            Optional<Map<String, NodeTuple>> keys = mapping(node, "policy", POLICY_KEYS);
            Optional<List<String>> folders =
                    keys.flatMap(k -> names(k, GlobalPolicy.FIELD, "policy", "a folder full name, e.g. `team-a`"));
            if (folders.isEmpty()) {
                return;
            }
            Validated<GlobalPolicy> validated = GlobalPolicy.parse(folders.get());
            Node list = keys.get().get(GlobalPolicy.FIELD).getValueNode();
            for (Problem problem : validated.problems()) {
                Node at = itemNode(list, problem.field()).orElse(list);
                add(finding(problem.severity(), at, "policy." + problem.field(), problem.message()));
            }
            if (validated instanceof Validated.Valid<GlobalPolicy> valid) {
                policy = valid.value();
            }
        }

        /** The list item a field such as {@code name[2]} points at. */
        private Optional<Node> itemNode(Node list, String field) {
            int open = field.lastIndexOf('[');
            if (!(list instanceof SequenceNode sequence) || open < 0 || !field.endsWith("]")) {
                return Optional.empty();
            }
            int index = Integer.parseInt(field.substring(open + 1, field.length() - 1));
            return index < sequence.getValue().size()
                    ? Optional.of(sequence.getValue().get(index))
                    : Optional.empty();
        }

        /** A list of plain values, e.g. {@code allowedJobs: [team-a/**, release/*]}. */
        private Optional<List<String>> names(Map<String, NodeTuple> keys, String key, String field, String what) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null || isNull(tuple.getValueNode())) {
                return Optional.empty();
            }
            String listField = field + "." + key;
            List<String> values = new ArrayList<>();
            boolean clean = true;
            for (Map.Entry<Integer, Node> item :
                    sequence(tuple.getValueNode(), listField).entrySet()) {
                if (item.getValue() instanceof ScalarNode scalar && !isNull(scalar)) {
                    values.add(scalar.getValue());
                } else {
                    error(
                            item.getValue(),
                            listField + "[" + item.getKey() + "]",
                            "must be " + what + " (" + describe(item.getValue()) + " found)");
                    clean = false;
                    values.add("");
                }
            }
            return clean || !values.isEmpty() ? Optional.of(values) : Optional.empty();
        }

        // --- YAML shapes -------------------------------------------------------------------------------------

        private Optional<Map<String, NodeTuple>> mapping(Node node, String field, Set<String> allowed) {
            if (!(node instanceof MappingNode mappingNode)) {
                error(
                        node,
                        field,
                        "must be a mapping of keys to values (" + describe(node) + " found); allowed keys: "
                                + allowed.stream().sorted().collect(Collectors.joining(", ")));
                return Optional.empty();
            }
            Map<String, NodeTuple> keys = new LinkedHashMap<>();
            List<MappingNode> merged = new ArrayList<>();
            for (NodeTuple tuple : mappingNode.getValue()) {
                if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                    merged.addAll(mergeSources(tuple.getValueNode(), field.isEmpty() ? "<<" : field + ".<<"));
                    continue;
                }
                Optional<String> key = scalarText(tuple.getKeyNode(), field);
                if (key.isEmpty()) {
                    continue;
                }
                String keyField = field.isEmpty() ? key.get() : field + "." + key.get();
                if (!allowed.contains(key.get())) {
                    List<String> close = ClosestNames.closest(key.get(), allowed);
                    error(
                            tuple.getKeyNode(),
                            keyField,
                            "unknown key" + (close.isEmpty() ? "." : ": did you mean `" + close.get(0) + "`?")
                                    + " Allowed here: "
                                    + allowed.stream().sorted().collect(Collectors.joining(", ")));
                    continue;
                }
                NodeTuple previous = keys.putIfAbsent(key.get(), tuple);
                if (previous != null) {
                    error(
                            tuple.getKeyNode(),
                            keyField,
                            "appears twice (also line " + line(previous.getKeyNode()) + "): keep one");
                }
            }
            // YAML merge keys: what is written here wins, then the first mapping merged, then the next.
            for (MappingNode source : merged) {
                mapping(source, field, allowed).ifPresent(inherited -> inherited.forEach(keys::putIfAbsent));
            }
            return Optional.of(keys);
        }

        /** The mappings a merge key ({@code <<: *defaults} or {@code <<: [*a, *b]}) brings in. */
        private List<MappingNode> mergeSources(Node value, String field) {
            List<Node> sources = value instanceof SequenceNode list ? list.getValue() : List.of(value);
            List<MappingNode> mappings = new ArrayList<>();
            for (Node source : sources) {
                if (source instanceof MappingNode mapping) {
                    mappings.add(mapping);
                } else {
                    error(
                            source,
                            field,
                            "a YAML merge key takes a mapping or a list of them, usually an alias such as `<<: *defaults` ("
                                    + describe(source) + " found)");
                }
            }
            return mappings;
        }

        private Map<Integer, Node> sequence(Node node, String field) {
            Map<Integer, Node> items = new LinkedHashMap<>();
            if (isNull(node)) {
                return items;
            }
            if (!(node instanceof SequenceNode sequenceNode)) {
                error(
                        node,
                        field,
                        "must be a list (" + describe(node)
                                + " found): write each entry on its own line starting with `- `");
                return items;
            }
            List<Node> values = sequenceNode.getValue();
            for (int i = 0; i < values.size(); i++) {
                items.put(i, values.get(i));
            }
            return items;
        }

        private Optional<String> string(Map<String, NodeTuple> keys, String key, String field) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null || isNull(tuple.getValueNode())) {
                return Optional.empty();
            }
            Node value = tuple.getValueNode();
            if (!(value instanceof ScalarNode scalar)) {
                if (misshapen.add(field + "." + key)) {
                    error(value, field + "." + key, "must be a single value (" + describe(value) + " found)");
                }
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        }

        /** Whether the engine's problem is about a field whose wrong shape was already reported. */
        private boolean alreadyReported(String field, Problem problem) {
            return misshapen.contains(field + "." + topKey(problem));
        }

        /** The key of the entry a problem of the engine is about: {@code branches} for {@code branches.only[1]}. */
        private static String topKey(Problem problem) {
            return problem.field().split("[.\\[]", 2)[0];
        }

        private Optional<Boolean> bool(Map<String, NodeTuple> keys, String key, String field) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null || isNull(tuple.getValueNode())) {
                return Optional.empty();
            }
            Node value = tuple.getValueNode();
            if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
                String text = scalar.getValue().toLowerCase(Locale.ROOT);
                return Optional.of(text.equals("true") || text.equals("yes") || text.equals("on") || text.equals("y"));
            }
            error(value, field + "." + key, "must be `true` or `false` (" + describe(value) + " found)");
            return Optional.empty();
        }

        private Optional<Map<String, List<String>>> filter(Map<String, NodeTuple> keys, String key, String field) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null || isNull(tuple.getValueNode())) {
                return Optional.empty();
            }
            String filterField = field + "." + key;
            Optional<Map<String, NodeTuple>> parts = mapping(tuple.getValueNode(), filterField, FILTER_KEYS);
            if (parts.isEmpty()) {
                return Optional.empty();
            }
            Map<String, List<String>> lists = new HashMap<>();
            for (String part : List.of("only", "except")) {
                List<String> values = new ArrayList<>();
                NodeTuple list = parts.get().get(part);
                if (list != null) {
                    for (Map.Entry<Integer, Node> item : sequence(list.getValueNode(), filterField + "." + part)
                            .entrySet()) {
                        if (item.getValue() instanceof ScalarNode scalar && !isNull(scalar)) {
                            values.add(scalar.getValue());
                        } else {
                            error(
                                    item.getValue(),
                                    filterField + "." + part + "[" + item.getKey() + "]",
                                    "must be a branch or tag name or pattern (" + describe(item.getValue())
                                            + " found)");
                        }
                    }
                }
                lists.put(part, values);
            }
            return Optional.of(lists);
        }

        private Optional<String> scalarText(Node node, String field) {
            if (node instanceof ScalarNode scalar && !isNull(scalar)) {
                return Optional.of(scalar.getValue());
            }
            error(node, field, "keys must be plain names (" + describe(node) + " found)");
            return Optional.empty();
        }

        private boolean isNull(Node node) {
            return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
        }

        private String describe(Node node) {
            if (node instanceof MappingNode) {
                return "a mapping";
            }
            if (node instanceof SequenceNode) {
                return "a list";
            }
            if (isNull(node)) {
                return "nothing";
            }
            ScalarNode scalar = (ScalarNode) node;
            if (scalar.getTag().equals(Tag.BOOL)) {
                return "a boolean";
            }
            if (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT)) {
                return "a number";
            }
            return "text";
        }

        // --- reporting ---------------------------------------------------------------------------------------

        /** A problem the engine found in a field: placed at that field's line when the file has it. */
        private void report(Map<String, NodeTuple> keys, String field, Problem problem, Node fallback) {
            NodeTuple tuple = keys.get(topKey(problem));
            Node at = tuple == null ? fallback : tuple.getValueNode();
            add(finding(
                    problem.severity(),
                    at,
                    problem.field().isEmpty() ? field : field + "." + problem.field(),
                    problem.message()));
        }

        private int line(Node node) {
            return node.getStartMark().getLine() + 1;
        }

        private Finding finding(Problem.Severity severity, Node node, String field, String message) {
            return new Finding(severity, path, line(node), node.getStartMark().getColumn() + 1, field, message);
        }

        private void error(Node node, String field, String message) {
            add(finding(Problem.Severity.ERROR, node, field, message));
        }

        private void warning(Node node, String field, String message) {
            add(finding(Problem.Severity.WARNING, node, field, message));
        }

        private void fileError(String message) {
            add(new Finding(Problem.Severity.ERROR, path, 0, 0, "", message));
        }

        /** Every finding is reported; it also belongs to the entry being read, or else an error spoils the whole file. */
        private void add(Finding finding) {
            findings.add(finding);
            if (owner != null) {
                owner.add(finding);
            } else if (!relations && finding.isError()) {
                fileErrors.add(finding);
            }
        }
    }
}
