package dev.ossecaws.harness;

import dev.ossecaws.engine.Engine;
import dev.ossecaws.predecode.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a corpus through the engine, each round one fresh session over every line (as one
 * ossec-logtest run over the file), after warm-up rounds that let the JIT settle.
 */
public final class Benchmark {
  private final Engine engine;
  private final List<String> lines;

  public Benchmark(Engine engine, List<String> lines) {
    this.engine = engine;
    this.lines = List.copyOf(lines);
  }

  /** The corpus's lines as ossec-logtest reads them from stdin. */
  public static List<String> readCorpus(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      LineReader reader = new LineReader(in);
      for (String line = reader.next(); line != null; line = reader.next()) lines.add(line);
    }
    return lines;
  }

  /** Warm-up rounds for at least {@code warmUp} (one at least), then {@code rounds} measured. */
  public Result run(Duration warmUp, int rounds) {
    if (rounds < 1) throw new IllegalArgumentException("rounds < 1: " + rounds);
    long warmUpEnd = System.nanoTime() + warmUp.toNanos();
    do {
      replay();
    } while (System.nanoTime() < warmUpEnd);
    ThreadMXBean thread = ManagementFactory.getThreadMXBean();
    long cpuStart = thread.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    Engine session = null;
    for (int i = 0; i < rounds; i++) session = replay();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Duration cpu = Duration.ofNanos(thread.getCurrentThreadCpuTime() - cpuStart);
    long heapAfterGc = heapAfterGc();
    Reference.reachabilityFence(session);
    return new Result(lines.size(), (long) lines.size() * rounds, elapsed, cpu, heapAfterGc,
        peakHeap(), MaxRss.bytes());
  }

  private Engine replay() {
    Engine session = engine.newSession();
    for (String line : lines) session.process(line);
    return session;
  }

  /** The heap still used after a collection while the last session's state is alive. */
  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak;
  }

  /**
   * @param lines lines in the corpus
   * @param events lines processed in the measured rounds
   * @param elapsed time of the measured rounds
   * @param cpu the replaying thread's CPU time in the measured rounds: on a busy machine, a steadier
   *     measure than {@code elapsed}
   * @param heapAfterGc heap in use after a collection, with the engine and one session's state
   * @param peakHeap the sum of the heap pools' peaks since the JVM started
   * @param maxRss the process's peak resident set, or -1 where the system does not tell
   */
  public record Result(
      long lines, long events, Duration elapsed, Duration cpu, long heapAfterGc, long peakHeap, long maxRss) {
    public double eventsPerSecond() {
      return events / (elapsed.toNanos() / 1e9);
    }

    public double eventsPerCpuSecond() {
      return events / (cpu.toNanos() / 1e9);
    }
  }
}
