package dev.ossecaws.harness;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One ossec-logtest session in a process of its own: OSSEC's binary, or a wrapper that takes its
 * options. Log lines go to its stdin; stdout and stderr are read together, because ossec-logtest
 * writes its reports to stderr and a wrapper may move them to stdout. A thread drains the output
 * as it comes, so the process never blocks on a full pipe while it is being fed.
 */
public final class LogtestProcess implements AutoCloseable {
  /** A session of a few records takes well under a second; a minute means it hangs. */
  private static final long TIMEOUT_SECONDS = 60;

  private final String program;
  private final Process process;
  private final OutputStream stdin;
  private final StringBuilder output = new StringBuilder();
  private final Thread reader;

  /** How the session ended: the exit status and everything it printed (a byte string). */
  public record Ended(int exitCode, String output) {
    public LogtestOutput parsed() {
      return LogtestOutput.parse(output);
    }

    /** Its last non-empty line, which says why when it failed. */
    public String lastLine() {
      List<String> lines = output.strip().lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }
  }

  private LogtestProcess(String program, Process process) {
    this.program = program;
    this.process = process;
    this.stdin = process.getOutputStream();
    this.reader = new Thread(this::drain, "output of " + program);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code builder}'s command, its stderr merged into its stdout. */
  public static LogtestProcess start(ProcessBuilder builder) throws IOException {
    String program = builder.command().get(0);
    try {
      return new LogtestProcess(program, builder.redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new IOException("cannot run " + program + ": " + e.getMessage(), e);
    }
  }

  /** Runs one session on {@code lines}, in order, and waits for its end. */
  public static Ended run(ProcessBuilder builder, List<String> lines) throws IOException {
    try (LogtestProcess session = start(builder)) {
      try {
        session.send(lines);
      } catch (IOException stoppedReading) {
        // It exited early (a configuration error, say): its status and last line tell why.
      }
      return session.finish();
    }
  }

  /** Writes {@code lines} to the session's stdin, one per line, and flushes them. */
  public void send(List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line : lines) text.append(line).append('\n');
    stdin.write(text.toString().getBytes(ISO_8859_1));
    stdin.flush();
  }

  /** What it has printed so far (a byte string), for a caller that paces its input on it. */
  public String outputSoFar() {
    return outputFrom(0);
  }

  /**
   * What it has printed from char {@code start} on, for a caller that paces a long session on its
   * output and so reads only what is new (a {@code -v} session prints megabytes).
   */
  public String outputFrom(int start) {
    synchronized (output) {
      return output.substring(Math.min(start, output.length()));
    }
  }

  /** The process (a wrapper's own children are among its descendants). */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** Closes stdin, which ends the session as end of input ends ossec-logtest, and waits for it. */
  public Ended finish() throws IOException {
    try {
      stdin.close();
    } catch (IOException stoppedReading) {
      // It has exited already (the JDK closes the pipe then), or the flush met a closed pipe.
    }
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IOException(program + " did not finish within " + TIMEOUT_SECONDS + " s of its input's end");
      }
      reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + program, e);
    }
    synchronized (output) {
      return new Ended(process.exitValue(), output.toString());
    }
  }

  /**
   * Kills the process and its children if they are still running (after a failure on the caller's
   * side): a wrapper's ossec-logtest would otherwise wait for input that never comes.
   */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private void drain() {
    byte[] buffer = new byte[8192];
    try (InputStream in = process.getInputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (output) {
          output.append(new String(buffer, 0, n, ISO_8859_1));
        }
      }
    } catch (IOException e) {
      // The process was killed: what was read so far is all there is.
    }
  }
}
