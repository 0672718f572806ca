package dev.ossecaws.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.SharedData;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTest {
  @TempDir Path dir;

  @Test
  void replaysTheCorpusAsOssecReadsItOncePerRound() throws Exception {
    Path corpus = dir.resolve("corpus.log");
    Files.writeString(corpus, "Feb  9 11:44:56 host sshd[1]: Accepted password for root from 1.2.3.4 port 22 ssh2\n"
        + "x\n" + "Feb  9 11:44:57 host su: pam_unix(su:session): session opened for user root\n");
    List<String> lines = Benchmark.readCorpus(corpus);
    assertEquals(2, lines.size(), "a 1-byte line is skipped as ossec-logtest skips it");
    Engine engine = Engine.builder().config(ManagerConfig.load(SharedData.ossecHome())).load(m -> {});
    Benchmark.Result result = new Benchmark(engine, lines).run(Duration.ZERO, 3);
    assertEquals(2, result.lines());
    assertEquals(6, result.events());
    assertTrue(result.heapAfterGc() > 0);
    assertTrue(result.peakHeap() > 0);
    assertTrue(result.eventsPerSecond() > 0);
    assertTrue(result.eventsPerCpuSecond() > 0);
  }
}
