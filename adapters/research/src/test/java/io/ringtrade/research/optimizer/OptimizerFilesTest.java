package io.ringtrade.research.optimizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The optimizer's CSV files: plain fields stay as they are, a field with a comma or a quote is quoted. */
final class OptimizerFilesTest {
    @TempDir
    Path dir;

    @Test
    void shouldQuoteOnlyTheFieldsThatNeedIt() throws IOException {
        final Path file = dir.resolve("results.csv");
        OptimizerFiles.writeCsv(file, List.of("weights", "drift", "total_return", "rank"), List.of(
            List.of("QQQ=0.6,GLD=0.3,USD=0.1", "0.05", "12.5", "1"),
            List.of("say \"hi\"", "0.1", "-3", "2")));

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("""
            weights,drift,total_return,rank
            "QQQ=0.6,GLD=0.3,USD=0.1",0.05,12.5,1
            "say ""hi\"\"\",0.1,-3,2
            """);
    }
}
