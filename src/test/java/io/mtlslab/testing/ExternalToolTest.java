package io.mtlslab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test harness's own promise: an external tool cannot hold a test past its timeout. */
class ExternalToolTest {

    @Test
    @Timeout(30)
    void enforcesTheTimeoutWhenAToolHangsWithItsOutputOpen() {
        // The child sleep inherits stdout: the old harness blocked in readAllBytes until it exited.
        assertThatThrownBy(() -> ExternalTool.run(null, null, List.of("sh", "-c", "echo started; sleep 30 & wait"),
                Duration.ofSeconds(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not finish within 1 s").hasMessageContaining("started");
    }

    @Test
    @Timeout(30)
    void returnsWhenAToolExitsButLeavesAChildHoldingItsOutput() {
        ExternalTool.Result result = ExternalTool.run(null, null, List.of("sh", "-c", "echo done; sleep 30 &"),
                Duration.ofSeconds(20));
        assertThat(result.ok()).isTrue();
        assertThat(result.output()).isEqualTo("done\n");
    }
}
