package io.mtlslab.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.text.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exported report: HTML that cannot be hijacked by what a peer put in its answer, and the JSON of --json. */
class AuditReportsTest {

    private static final String HOSTILE = "HTTP 200 <script>alert('x')</script> \"quoted\" & co\r\nSet-Cookie: a=b \u202Egnp.exe";

    private static AuditReport report() {
        ProbeResult bypass = new ProbeResult("no-client-certificate", "No client certificate", ProbeResult.Status.FINDING,
                Severity.CRITICAL, "nothing", HOSTILE, "served <b>anyway</b>", Map.of("nginx", "ssl_verify_client on;"));
        ProbeResult ok = new ProbeResult("expired", "An expired client certificate", ProbeResult.Status.PASSED, null,
                "an expired certificate", "refused", "Refused.", Map.of());
        return new AuditReport("server", "https://127.0.0.1:1/<x>", Instant.parse("2026-12-01T12:00:00Z"),
                List.of(bypass, ok), false);
    }

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void htmlEscapesPeerTextAndMakesControlAndBidiCharactersVisible() {
        String html = AuditReports.html(report());

        assertThat(html).doesNotContain("<script>", "<b>anyway", "\u202E", "\r", "Set-Cookie: a=b \u202E")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &amp; co\\r\\nSet-Cookie",
                        "\\u202Egnp.exe", "served &lt;b&gt;anyway&lt;/b&gt;", "https://127.0.0.1:1/&lt;x&gt;",
                        "<tr class=\"finding-critical\"><td class=\"result\">critical</td>", "<tr class=\"passed\">",
                        "Fix (nginx)", "ssl_verify_client on;", "default-src 'none'")
                // self-contained: nothing to fetch, nothing to run
                .doesNotContain("<link", "src=", "<script");
    }

    @Test
    void htmlFollowsTheChosenLanguage() {
        Texts.use(Texts.PT_BR);

        assertThat(AuditReports.html(report())).contains("lang=\"pt-BR\"", "Auditoria do servidor", "crítico",
                "O que aconteceu", "Correção (nginx)",
                // the title is rendered from the probe's id, not the English it was recorded with
                "Sem certificado de cliente (o desvio de autenticação)", "Um certificado de cliente expirado")
                .doesNotContain("An expired client certificate");
    }

    @Test
    void everyProbeAndBadServerHasATitleInBothLanguages() {
        for (Locale language : Texts.SUPPORTED) {
            Texts.use(language);
            for (Probe probe : Probe.values()) {
                assertThat(probe.title()).as(probe.id() + " in " + language).doesNotStartWith("audit.").isNotBlank();
            }
            for (BadServer server : BadServer.values()) {
                assertThat(server.title()).as(server.id() + " in " + language).doesNotStartWith("audit.").isNotBlank();
            }
        }
        Texts.use(Texts.PT_BR);
        assertThat(BadServer.WRONG_HOST.title()).isEqualTo("Certificado do servidor para outro nome de host (SAN)");
        assertThat(AuditReports.title("client", new ProbeResult("expired", "x", ProbeResult.Status.PASSED, null, "", "",
                "", Map.of()))).isEqualTo("Certificado do servidor expirado");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonIsTheMapOfTheReport() throws Exception {
        Map<String, Object> root = JSON.std.mapFrom(AuditReports.json(report()));

        assertThat(root).containsEntry("worst", "CRITICAL").containsEntry("exitStatus", 1);
        Map<String, Object> probe = ((List<Map<String, Object>>) root.get("probes")).get(0);
        assertThat(probe).containsEntry("happened", HOSTILE).containsEntry("severity", "CRITICAL");
    }
}
