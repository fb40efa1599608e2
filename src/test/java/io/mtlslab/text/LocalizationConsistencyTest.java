package io.mtlslab.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.app.call.CallModel;
import io.mtlslab.diagnose.DiagnosisCode;
import io.mtlslab.diagnose.Side;
import io.mtlslab.app.call.LoadModel;
import io.mtlslab.audit.BadServer;
import io.mtlslab.audit.Probe;
import io.mtlslab.audit.ProbeResult;
import io.mtlslab.pki.ExportFormat;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.IdentityStatus;
import io.mtlslab.pki.RevocationReason;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.inspect.InspectedFile;
import io.mtlslab.pki.lint.Finding;
import io.mtlslab.scenario.Scenario;
import io.mtlslab.scenario.ScenarioResult;
import io.mtlslab.scenario.ServerMode;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.ConnectionEvent;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In the manner of JabRef's {@code LocalizationConsistencyTest}: every text key the code uses exists in
 * English and in Portuguese, every code of a user-facing enum has its words, and the core bundle holds
 * no key that nothing uses.
 *
 * <p>It scans all of {@code src/main} — Java and FXML — so keys other areas add (lint, server log,
 * workshop, audit) are covered too. Keys built at run time from a prefix and an enum constant
 * ({@code "diagnosis." + code}) are declared in {@link #DYNAMIC}; a new dynamic prefix must be added
 * there with the constants it takes, or {@link #everyDynamicPrefixInTheCodeIsDeclared} fails.
 */
class LocalizationConsistencyTest {

    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Path MAIN_RESOURCES = Path.of("src/main/resources");
    private static final Path CORE = MAIN_RESOURCES.resolve("io/mtlslab/text");
    private static final Path GUI = MAIN_RESOURCES.resolve("io/mtlslab/app");

    /** The code of a PkiException made with of(field, "code", …) or because(cause, field, "code", …). */
    private static final Pattern PKI_ERROR_CODE = Pattern.compile(
            "PkiException\\.(?:of\\(\\s*[^,()]+|because\\(\\s*[^,()]+,\\s*[^,()]+),\\s*\"([A-Za-z0-9]+)\"");
    private static final Pattern SUBJECT_PART = Pattern.compile("check\\(\"([a-z]+)\"");
    private static final Pattern LINT_CODE = Pattern.compile("finding\\([^,]+,\\s*\"([a-z0-9]+(?:-[a-z0-9]+)*)\"");

    /** Prefix + the constants it is completed with, wherever the code builds a key at run time. */
    private static final Map<String, List<String>> DYNAMIC = new LinkedHashMap<>();

    static {
        DYNAMIC.put("diagnosis.", names(DiagnosisCode.values()));
        DYNAMIC.put("call.side.", names(Side.values()));
        DYNAMIC.put("cli.call.side.", names(Side.values()));
        DYNAMIC.put("scenario.side.", names(Side.values()));
        DYNAMIC.put("call.trust.", names(CallModel.Trust.values()));
        DYNAMIC.put("scenario.name.", names(Scenario.values()));
        DYNAMIC.put("scenario.mode.name.", names(ServerMode.values()));
        DYNAMIC.put("scenario.mode.description.", names(ServerMode.values()));
        DYNAMIC.put("scenarios.status.", names(ScenarioResult.Status.values()));
        DYNAMIC.put("cli.scenarios.status.", names(ScenarioResult.Status.values()));
        DYNAMIC.put("server.modeName.", names(ClientAuthMode.values()));
        DYNAMIC.put("server.outcome.", names(ConnectionEvent.Outcome.values()));
        DYNAMIC.put("status.", names(IdentityStatus.values()));
        DYNAMIC.put("role.", Arrays.stream(Role.values()).map(Role::id).toList());
        DYNAMIC.put("export.format.", Arrays.stream(ExportFormat.values()).map(ExportFormat::id).toList());
        DYNAMIC.put("revocation.reason.", names(RevocationReason.values()));
        DYNAMIC.put("inspect.kind.", names(InspectedFile.Kind.values()));
        DYNAMIC.put("inspectText.kind.", names(InspectedFile.Kind.values()));
        DYNAMIC.put("export.format.short.", Arrays.stream(ExportFormat.values()).map(ExportFormat::id).toList());
        DYNAMIC.put("keyType.", Arrays.stream(KeyType.values()).map(KeyType::id).toList());
        DYNAMIC.put("lint.severity.", names(Finding.Severity.values()));
        DYNAMIC.put("load.unit.", names(LoadModel.Unit.values()));
        DYNAMIC.put("audit.probe.", Arrays.stream(Probe.values()).map(Probe::id).toList());
        DYNAMIC.put("audit.badServer.", Arrays.stream(BadServer.values()).map(BadServer::id).toList());
        DYNAMIC.put("audit.fix.", Arrays.stream(Probe.values())
                .flatMap(p -> Probe.STACKS.stream().map(stack -> p.id() + "." + stack)).toList());
        DYNAMIC.put("audit.html.title.", List.of("server", "client"));
        DYNAMIC.put("audit.severity.", names(io.mtlslab.audit.Severity.values()));
        DYNAMIC.put("audit.status.", names(ProbeResult.Status.values()));
        DYNAMIC.put("audit.stack.", List.of("nginx", "go", "java", "envoy", "node", "curl", "python", "openssl", "any"));
        DYNAMIC.put("pkierror.part.", literalsIn(MAIN_JAVA.resolve("io/mtlslab/pki/SubjectName.java"), SUBJECT_PART));
        // A PkiException made from a code reads pkierror.CODE and pkierror.CODE.cli (the GUI may add .gui).
        List<String> pkiErrors = new ArrayList<>();
        Properties english = propertiesOrFail(CORE.resolve("core.properties"));
        literalsInAll(PKI_ERROR_CODE).forEach(code -> {
            pkiErrors.addAll(List.of(code, code + ".cli"));
            if (english.containsKey("pkierror." + code + ".gui")) {
                pkiErrors.add(code + ".gui");
            }
        });
        DYNAMIC.put("pkierror.", pkiErrors);
        // A lint finding's code names its words: lint.CODE and lint.CODE.fix, or variants (lint.CODE.client, ...).
        List<String> lintWords = new ArrayList<>();
        for (String code : literalsIn(MAIN_JAVA.resolve("io/mtlslab/pki/lint/Lint.java"), LINT_CODE)) {
            List<String> keys = english.stringPropertyNames().stream()
                    .filter(key -> key.equals("lint." + code) || key.startsWith("lint." + code + "."))
                    .map(key -> key.substring("lint.".length())).toList();
            // A code without a single key is reported by the constants test as lint.CODE.
            lintWords.addAll(keys.isEmpty() ? List.of(code) : keys);
        }
        DYNAMIC.put("lint.", lintWords);
    }


    /** The calls that take a text key as their (first, or second after a locale) argument. */
    private static final Pattern KEY_CALL = Pattern.compile(
            "(?:Message\\.of|Texts\\.text|context\\.text|i18n\\.get|i18n\\(\\)\\.get|I18n\\.get)\\(\\s*"
                    + "(?:[\\w.()]+\\s*,\\s*)?\"([^\"]+)\"");
    /** Any string literal, to find keys passed on through helpers and ternaries. */
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\n]++|\\\\.)*+)\"");
    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_-]+)+");
    private static final Pattern PREFIX_IN_CODE = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)*\\.)\"\\s*\\+");
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(json|pem|key|p12|pfx|crt|der|csr|crl|csv|txt|md|zip|log)");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z][\\w.-]*)\"");

    static Properties coreEn;
    static Properties corePt;
    static Properties guiEn;
    static Properties guiPt;
    static Map<Path, String> javaSources;
    static Map<Path, String> fxmlSources;

    @BeforeAll
    static void load() throws IOException {
        coreEn = properties(CORE.resolve("core.properties"));
        corePt = properties(CORE.resolve("core_pt_BR.properties"));
        guiEn = properties(GUI.resolve("messages.properties"));
        guiPt = properties(GUI.resolve("messages_pt_BR.properties"));
        javaSources = sources(MAIN_JAVA, ".java");
        fxmlSources = sources(MAIN_RESOURCES, ".fxml");
    }

    @Test
    void everyKeyTheCodeAsksForExistsInBothLanguages() {
        List<String> missing = new ArrayList<>();
        javaSources.forEach((file, text) -> {
            Matcher call = KEY_CALL.matcher(text);
            while (call.find()) {
                check(file, call.group(1), missing);
            }
            // Keys handed on through helpers (column("scenarios.col.mode", …)) or chosen by a ternary.
            Matcher literal = LITERAL.matcher(text);
            while (literal.find()) {
                String value = literal.group(1);
                if (KEY_SHAPE.matcher(value).matches() && namespaces().contains(value.substring(0, value.indexOf('.')))
                        && !isPrefixOfAKey(value)) {
                    check(file, value, missing);
                }
            }
        });
        fxmlSources.forEach((file, text) -> {
            Matcher key = FXML_KEY.matcher(text);
            while (key.find()) {
                check(file, key.group(1), missing);
            }
        });
        assertThat(missing).as("keys used in src/main but missing from a bundle (en or pt_BR)").isEmpty();
    }

    @Test
    void everyConstantOfEveryUserFacingEnumHasItsWordsInBothLanguages() {
        List<String> missing = new ArrayList<>();
        DYNAMIC.forEach((prefix, constants) -> constants.forEach(constant -> {
            String key = prefix + constant;
            if (!inEnglish(key) || !inPortuguese(key)) {
                missing.add(key);
            }
        }));
        assertThat(missing).as("enum constants without words").isEmpty();
    }

    @Test
    void everyDynamicPrefixInTheCodeIsDeclared() {
        Set<String> undeclared = new TreeSet<>();
        javaSources.values().forEach(text -> {
            Matcher prefix = PREFIX_IN_CODE.matcher(text);
            while (prefix.find()) {
                String value = prefix.group(1);
                if (namespaces().contains(value.substring(0, value.indexOf('.'))) && !DYNAMIC.containsKey(value)) {
                    undeclared.add(value);
                }
            }
        });
        assertThat(undeclared).as("key prefixes completed at run time: declare them in DYNAMIC with their constants")
                .isEmpty();
    }

    @Test
    void theCoreBundleHasNoUnusedKeys() {
        Set<String> literals = new HashSet<>();
        javaSources.values().forEach(text -> {
            Matcher literal = LITERAL.matcher(text);
            while (literal.find()) {
                literals.add(literal.group(1));
            }
        });
        fxmlSources.values().forEach(text -> {
            Matcher key = FXML_KEY.matcher(text);
            while (key.find()) {
                literals.add(key.group(1));
            }
        });
        Set<String> unused = new TreeSet<>();
        for (String key : coreEn.stringPropertyNames()) {
            boolean dynamic = DYNAMIC.entrySet().stream()
                    .anyMatch(e -> key.startsWith(e.getKey()) && e.getValue().contains(key.substring(e.getKey().length())));
            if (!literals.contains(key) && !dynamic) {
                unused.add(key);
            }
        }
        // The bundle's own self-test keys are read by TextsTest and the language switch.
        unused.removeAll(Set.of("language.name", "text.selfTest"));
        assertThat(unused).as("core keys nothing in src/main uses").isEmpty();
    }

    @Test
    void apostrophesFollowTheMessageFormatRuleOfEachPattern() {
        // Texts formats a pattern only when it has arguments: there an apostrophe is written '', elsewhere once.
        List<String> wrong = new ArrayList<>();
        for (Properties bundle : List.of(coreEn, corePt)) {
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                // A PkiException's fix (.cli, .gui) is formatted with the problem's arguments.
                String problem = key.startsWith("pkierror.") && key.matches(".*\\.(cli|gui)")
                        ? bundle.getProperty(key.substring(0, key.lastIndexOf('.')), "") : "";
                boolean formatted = value.matches("(?s).*\\{\\d.*") || problem.matches("(?s).*\\{\\d.*");
                if (formatted && value.matches("(?s).*(?<!')'(?!').*")) {
                    wrong.add(key + " (a lone ' in a pattern with arguments disappears)");
                }
                if (!formatted && value.contains("''")) {
                    wrong.add(key + " ('' in a text without arguments is shown twice)");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(Path file, String key, List<String> missing) {
        if (DYNAMIC.containsKey(key) || key.endsWith(".") && DYNAMIC.keySet().stream().anyMatch(key::startsWith)) {
            return; // completed at run time: everyConstantOfEveryUserFacingEnumHasItsWordsInBothLanguages checks it
        }
        if (!inEnglish(key) && !inPortuguese(key) && FILE_NAME.matcher(key).matches()) {
            return; // a file such as workspace.json, not a text
        }
        if (!inEnglish(key) || !inPortuguese(key)) {
            missing.add(key + " (" + file + ")");
        }
    }

    private static boolean inEnglish(String key) {
        return coreEn.containsKey(key) || guiEn.containsKey(key);
    }

    private static boolean inPortuguese(String key) {
        return corePt.containsKey(key) || guiPt.containsKey(key);
    }

    private static boolean isPrefixOfAKey(String value) {
        String prefix = value.endsWith(".") ? value : value + ".";
        return Stream.of(coreEn, guiEn).flatMap(p -> p.stringPropertyNames().stream()).anyMatch(k -> k.startsWith(prefix));
    }

    /** The first segments of every key ("diagnose", "call", …): a literal in one of them is meant as a key. */
    private static Set<String> namespaces() {
        Set<String> namespaces = new HashSet<>();
        Stream.of(coreEn, guiEn).flatMap(p -> p.stringPropertyNames().stream())
                .forEach(k -> namespaces.add(k.contains(".") ? k.substring(0, k.indexOf('.')) : k));
        return namespaces;
    }

    /** The first group of every match of {@code pattern} in one source file, each once. */
    private static List<String> literalsIn(Path file, Pattern pattern) {
        try {
            return matches(Files.readString(file, StandardCharsets.UTF_8), pattern);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** As {@link #literalsIn}, over all of {@code src/main/java}. */
    private static List<String> literalsInAll(Pattern pattern) {
        try {
            Set<String> found = new TreeSet<>();
            for (String text : sources(MAIN_JAVA, ".java").values()) {
                found.addAll(matches(text, pattern));
            }
            return List.copyOf(found);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> matches(String text, Pattern pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return List.copyOf(found);
    }

    private static Properties propertiesOrFail(Path file) {
        try {
            return properties(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Map<Path, String> sources(Path root, String suffix) throws IOException {
        Map<Path, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                sources.put(file, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return sources;
    }
}
