package dev.ossecaws.install;

import java.io.IOException;

/**
 * The installer's fault-injection seam: it reports each step it is about to take, and a step
 * fails when this throws. Production passes {@link #NONE}; tests count the steps, then fail each
 * one in turn to prove that every failure leaves the manager's files as they were.
 */
@FunctionalInterface
public interface Checkpoints {
  Checkpoints NONE = step -> {};

  /** Called before {@code step} (e.g. "write rules/amazon_rules.xml"); throwing makes it fail. */
  void reach(String step) throws IOException;
}
