package dev.ossecaws.install;

/** The installer will not touch this manager: not a 4.x manager home, an unsafe path, a conflict. */
public class InstallRefusedException extends Exception {
  public InstallRefusedException(String message) {
    super(message);
  }
}
