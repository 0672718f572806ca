package dev.ossecaws.install;

/** Refused because another run holds the manager's lock: nothing changed, and trying later may work. */
public final class ManagerBusyException extends InstallRefusedException {
  ManagerBusyException(String message) {
    super(message);
  }
}
