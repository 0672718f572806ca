package dev.ossecaws.install;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A child JVM that takes a manager's install lock, says "locked" on stdout and waits to be
 * killed: a concurrent run from another process, and a run that dies without releasing anything.
 */
public final class LockHolder {
  /** Reachable until the process dies: an unreachable channel may be closed by its cleaner. */
  private static InstallLock held;

  private LockHolder() {}

  /** {@code HOME [shared]}. */
  public static void main(String[] args) throws Exception {
    ManagerHome home = ManagerHome.locate(Optional.of(Path.of(args[0])), Path.of(args[0], "no-init-conf"));
    held = InstallLock.acquire(home, args.length > 1);
    System.out.println("locked");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Starts the holder on {@code home} and returns once it holds the lock ({@code shared}: as a reader). */
  static Process start(Path home, boolean shared) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        LockHolder.class.getName(), home.toString()));
    if (shared) command.add("shared");
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
    if (!"locked".equals(line)) {
      child.destroyForcibly();
      throw new AssertionError("the lock holder said " + line);
    }
    return child;
  }
}
