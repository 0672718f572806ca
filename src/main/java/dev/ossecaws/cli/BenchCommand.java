package dev.ossecaws.cli;

import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.engine.ConfigException;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.harness.Benchmark;
import dev.ossecaws.rule.RuleException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ossec-aws bench}: the engine's speed and memory on a corpus of log lines. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Replay a corpus of log lines through the engine and print events/second and memory.")
public final class BenchCommand implements Callable<Integer> {
  private static final double MIB = 1024 * 1024;

  @Parameters(paramLabel = "CORPUS", description = "Log lines, one per line, as ossec-logtest reads stdin.")
  Path corpus;

  @CommandLine.Mixin ManagerOptions manager;

  @Option(names = "--warm-up", paramLabel = "SECONDS", description = "Unmeasured replays for at least this long (default: ${DEFAULT-VALUE}).")
  int warmUpSeconds = 10;

  @Option(names = "--rounds", paramLabel = "N", description = "Measured replays, each a fresh session (default: ${DEFAULT-VALUE}).")
  int rounds = 5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, ConfigException, DecoderException, RuleException {
    if (rounds < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be at least 1");
    if (warmUpSeconds < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--warm-up must be 0 or more");
    if (!Files.isRegularFile(corpus)) throw new IOException("corpus is not a file: " + corpus);
    List<String> lines = Benchmark.readCorpus(corpus);
    if (lines.isEmpty()) throw new IOException("corpus has no lines: " + corpus);
    Engine engine = Engine.builder().config(manager.managerConfig()).load(message -> {});
    Benchmark.Result result = new Benchmark(engine, lines).run(Duration.ofSeconds(warmUpSeconds), rounds);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%d lines x %d rounds in %.3f s (after %d s warm-up)%n",
        result.lines(), rounds, result.elapsed().toNanos() / 1e9, warmUpSeconds);
    out.printf(Locale.ROOT, "%.0f events/second (%.0f per CPU-second of the replaying thread)%n",
        result.eventsPerSecond(), result.eventsPerCpuSecond());
    out.printf(Locale.ROOT, "heap after GC %.1f MiB, peak heap %.1f MiB, max RSS %s%n",
        result.heapAfterGc() / MIB, result.peakHeap() / MIB,
        result.maxRss() < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f MiB", result.maxRss() / MIB));
    out.flush();
    return 0;
  }
}
