package io.mtlslab.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The Linux package's hand-written files agree with each other and with the build: the desktop
 * entry, the MIME definitions, the AppStream metainfo and the other OSes' file associations name
 * the same file types; the desktop entry starts the launcher jpackage installs; the metainfo has
 * release notes for this version; and no install script calls xdg-utils, which fail where there
 * is no desktop. The install itself is tested for real by packaging/smoke-test-deb.sh.
 */
class LinuxPackageFilesTest {

    private static final Path LINUX = Path.of("packaging", "linux");
    private static final String ID = "io.mtlslab.MtlsLab";

    @Test
    void desktopEntryStartsTheInstalledGuiLauncherWithTheFileToOpen() throws IOException {
        List<String> entry = Files.readAllLines(LINUX.resolve(ID + ".desktop"));
        String name = jpackageOption(Path.of("packaging", "image.args"), "--name");
        String packageName = jpackageOption(LINUX.resolve("installer.args"), "--linux-package-name");

        assertThat(entry).contains("Exec=\"/opt/" + packageName + "/bin/" + name + "\" %f", "Icon=" + ID);
        assertThat(Files.readString(LINUX.resolve(ID + ".metainfo.xml")))
                .contains("<launchable type=\"desktop-id\">" + ID + ".desktop</launchable>");
    }

    @Test
    void everyListOfOpenedFileTypesNamesTheSameTypes() throws Exception {
        Set<String> desktop = desktopMimeTypes();
        Set<String> associations = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("packaging", "file-associations"))) {
            for (Path file : files.toList()) {
                associations.add(properties(file).getProperty("mime-type"));
            }
        }

        assertThat(desktop).isNotEmpty().isEqualTo(associations);
        assertThat(xmlValues(LINUX.resolve(ID + ".mime.xml"), "mime-type", "type")).isEqualTo(desktop);
        assertThat(xmlValues(LINUX.resolve(ID + ".metainfo.xml"), "mediatype", null)).isEqualTo(desktop);
    }

    @Test
    void metainfoHasReleaseNotesForThisVersion() throws Exception {
        String version;
        try (InputStream in = getClass().getResourceAsStream("/io/mtlslab/version.properties")) {
            Properties props = new Properties();
            props.load(in);
            version = props.getProperty("version");
        }
        assertThat(version).isNotBlank().doesNotContain("${");

        assertThat(xmlValues(LINUX.resolve(ID + ".metainfo.xml"), "release", "version")).contains(version);
    }

    @Test
    void installScriptsNeverCallXdgUtilsAndRefreshCachesOnlyWhereTheToolsExist() throws IOException {
        Path resources = LINUX.resolve("resources");
        for (String script : List.of("postinst", "prerm", "postrm", "mtls-lab.spec")) {
            assertThat(Files.readString(resources.resolve(script))).as(script).doesNotContain("xdg-");
        }
        String refresh = Files.readString(LINUX.resolve("refresh-desktop-caches.sh"));
        for (String tool : List.of("update-desktop-database", "update-mime-database", "gtk-update-icon-cache")) {
            assertThat(refresh).contains("command -v " + tool + " >/dev/null 2>&1");
            assertThat(refresh.lines().filter(line -> line.strip().startsWith(tool + " ")))
                    .as("every call of " + tool + " ignores its failure").allMatch(line -> line.endsWith("|| true"));
        }
    }

    private static Set<String> desktopMimeTypes() throws IOException {
        String line = Files.readAllLines(LINUX.resolve(ID + ".desktop")).stream()
                .filter(l -> l.startsWith("MimeType=")).findFirst().orElse("MimeType=");
        return Arrays.stream(line.substring("MimeType=".length()).split(";"))
                .filter(s -> !s.isBlank()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String jpackageOption(Path argsFile, String option) throws IOException {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(option) + " +(\"([^\"]*)\"|(\\S+))").matcher(Files.readString(argsFile));
        assertThat(m.find()).as(option + " in " + argsFile).isTrue();
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static Properties properties(Path file) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        return props;
    }

    /** The attribute (or, when null, the text) of every element with this tag name. */
    private static Set<String> xmlValues(Path file, String tag, String attribute) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        NodeList nodes = doc.getElementsByTagNameNS("*", tag);
        Set<String> values = new TreeSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            org.w3c.dom.Element element = (org.w3c.dom.Element) nodes.item(i);
            values.add(attribute == null ? element.getTextContent().strip() : element.getAttribute(attribute));
        }
        return values;
    }
}
