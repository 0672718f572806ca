package dev.ossecaws.harness;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.ossecaws.Oracle;
import dev.ossecaws.ProjectCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;

/**
 * OSSEC's own ossec-logtest (through {@code ossec-logtest-real}) on a clock that moves only when a
 * session says so, as {@link EngineReplay}'s does: one process is one session, and a line read
 * {@code secondsLater} after the previous one is timed that much later, so that correlation
 * timeframes see the same gaps as in the evaluator.
 *
 * <p>How: ossec-logtest-real freezes time with libfaketime's {@code FAKETIME}. Given
 * {@code "% x0"}, libfaketime instead takes the time from the modification time of the file
 * {@code FAKETIME_FOLLOW_FILE} names, re-read at every call ({@code FAKETIME_NO_CACHE}), and lets
 * no time pass after it ({@code x0}). ossec-logtest chroots into the script's scratch copy of the
 * home, so the file's name is relative: the home's {@code etc/} holds it, the working directory
 * before the chroot is the home and the root after it is the copy, whose {@code etc/} the script
 * copies with {@code cp -a}, keeping the time. The clock moves by setting that time in the
 * process's root ({@code /proc/PID/root}) while ossec-logtest waits for its next line, which the
 * process's {@code /proc/PID/syscall} shows ({@code read} on fd 0).
 */
public final class ClockedOracle {
  private static final String CLOCK = "etc/ossec-aws-clock";
  /** A session of a few lines takes well under a second; this long means it hangs. */
  private static final long PATIENCE_MILLIS = 60_000;

  private final Path script;
  private final Path home;
  private final Path ruleset;

  private ClockedOracle(Path script, Path home, Path ruleset) {
    this.script = script;
    this.home = home;
    this.ruleset = ruleset;
  }

  /**
   * The oracle on {@code ossecHome} with {@code ruleset} beside its rules (none when null). The
   * home is copied into {@code scratch} with the clock file, which OSSEC never reads, as the only
   * addition.
   */
  public static ClockedOracle on(Path ossecHome, Path ruleset, Path scratch) throws IOException {
    Path script = Oracle.script();
    Oracle.requireFaketime();
    Path home = scratch.resolve("home");
    for (String part : List.of("etc", "rules", "lists")) {
      if (Files.exists(ossecHome.resolve(part))) ProjectCopy.copyTree(ossecHome.resolve(part), home.resolve(part));
    }
    Path clock = Files.createFile(home.resolve(CLOCK));
    Files.setLastModifiedTime(clock, FileTime.from(EngineReplay.TIME.toInstant()));
    return new ClockedOracle(script.toAbsolutePath(), home.toAbsolutePath(),
        ruleset == null ? null : ruleset.toAbsolutePath());
  }

  /** One session on {@code lines} with ossec-logtest's {@code -q}: the reports, as the evaluator's are compared. */
  LogtestProcess.Ended replay(List<String> lines, List<Integer> secondsLater) throws IOException {
    return replay(lines, secondsLater, output -> LogtestOutput.parse(output).events().size(), "-q");
  }

  /**
   * One session on {@code lines} with ossec-logtest's {@code options}: line i is read
   * {@code secondsLater.get(i)} seconds after the one before (the first, after the session's start
   * at {@link EngineReplay#TIME}). {@code linesDone} counts the lines an output shows processed,
   * the sign that the clock may move.
   */
  LogtestProcess.Ended replay(List<String> lines, List<Integer> secondsLater,
      ToIntFunction<String> linesDone, String... options) throws IOException {
    return paced(lines, secondsLater, session -> linesDone.applyAsInt(session.outputSoFar()), options);
  }

  /**
   * One session, as {@link #replay(List, List, ToIntFunction, String...)}, for long sessions
   * (the output is read once, as it comes): {@code linesDone} maps the number of event reports
   * printed so far to the number of lines they show processed (a line of 0 or 1 byte makes no
   * report, a line over 6,135 bytes makes several).
   */
  public LogtestProcess.Ended replayCountingEvents(List<String> lines, List<Integer> secondsLater,
      IntUnaryOperator linesDone, String... options) throws IOException {
    EventCount count = new EventCount();
    return paced(lines, secondsLater, session -> linesDone.applyAsInt(count.after(session)), options);
  }

  /** The event reports a session has printed, counted in what it printed since the last look. */
  private static final class EventCount {
    /** Every event report starting before this char has been counted. */
    private int scanned;
    private int events;

    int after(LogtestProcess session) {
      String fresh = session.outputFrom(scanned);
      int next = 0;
      for (int at = fresh.indexOf(LogtestOutput.EVENT_START); at >= 0;
          at = fresh.indexOf(LogtestOutput.EVENT_START, at + 1)) {
        events++;
        next = at + 1;
      }
      scanned += Math.max(next, fresh.length() - LogtestOutput.EVENT_START.length() + 1);
      return events;
    }
  }

  /** How many lines a session's output shows processed. */
  private interface Progress {
    int linesDone(LogtestProcess session);
  }

  private LogtestProcess.Ended paced(List<String> lines, List<Integer> secondsLater, Progress progress,
      String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of(script.toString(), "-D", home.toString()));
    if (ruleset != null) command.addAll(List.of("--ruleset", ruleset.toString()));
    command.addAll(List.of("--clock", "% x0", "--hostname", EngineReplay.HOSTNAME, "--"));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    builder.environment().put("FAKETIME_FOLLOW_FILE", CLOCK);
    builder.environment().put("FAKETIME_NO_CACHE", "1");
    try (LogtestProcess session = LogtestProcess.start(builder)) {
      ProcessHandle logtest = awaitLogtest(session);
      if (logtest == null) return session.finish();  // it refused its configuration: the output says why
      Path clock = Path.of("/proc", Long.toString(logtest.pid()), "root", CLOCK);
      Instant now = EngineReplay.TIME.toInstant();
      for (int start = 0; start < lines.size(); ) {
        int end = start + 1;
        while (end < lines.size() && secondsLater.get(end) == 0) end++;
        now = now.plusSeconds(secondsLater.get(start));
        Files.setLastModifiedTime(clock, FileTime.from(now));
        try {
          session.send(lines.subList(start, end));
        } catch (IOException stoppedReading) {
          if (logtest.isAlive()) throw stoppedReading;
          break;  // it crashed: its exit status and output tell the caller
        }
        int done = end;
        if (!await(session, logtest, () -> progress.linesDone(session) >= done)) break;
        start = end;
      }
      return session.finish();
    }
  }

  /**
   * The wrapper's ossec-logtest, once it waits for its first line (so it is in its chroot); null
   * when the wrapper ended first (ossec-logtest refused its configuration).
   */
  private static ProcessHandle awaitLogtest(LogtestProcess session) throws IOException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      ProcessHandle logtest = session.handle().descendants()
          .filter(p -> p.info().command().orElse("").endsWith("/ossec-logtest")).findFirst().orElse(null);
      if (logtest != null && readingStdin(logtest)) return logtest;
      if (!session.handle().isAlive()) return null;
      pause(10);  // the script copies the home first; a scan of every process each time would slow it
    }
    throw new IOException("the oracle's ossec-logtest never waited for input: " + session.outputSoFar());
  }

  /**
   * Waits until {@code done} holds for the output and ossec-logtest waits for more input; false
   * when ossec-logtest ended first (OSSEC crashes on some rules: a segmentation fault).
   */
  private static boolean await(LogtestProcess session, ProcessHandle logtest, BooleanSupplier done)
      throws IOException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (!logtest.isAlive()) return false;
      if (done.getAsBoolean() && readingStdin(logtest)) return true;
      pause(1);
    }
    throw new IOException("the oracle did not process its input: " + session.outputSoFar());
  }

  /** Whether the process is blocked in {@code read(0, ...)}: system call 0 on x86-64, first argument 0. */
  private static boolean readingStdin(ProcessHandle process) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(process.pid()), "syscall")).startsWith("0 0x0 ");
    } catch (IOException e) {
      return false;  // it has just ended
    }
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the oracle", e);
    }
  }

  /** The diff from OSSEC's report to the evaluator's, two lines of context, for a failing comparison. */
  public static String unifiedDiff(String ossec, String evaluator) {
    List<String> before = List.of(ossec.split("\n", -1));
    List<String> after = List.of(evaluator.split("\n", -1));
    return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("ossec-logtest", "ossec-aws logtest",
        before, DiffUtils.diff(before, after), 2));
  }
}
