package dev.ossecaws.cloudtrail;

import java.util.List;

/** Hears what a fetch run does, to show progress and report failures (the command line prints). */
public interface FetchListener {
  /** The objects the run is about to fetch, in order. */
  default void listed(List<String> keys, long totalBytes) {}

  /** An object's lines were read and will be appended with its batch. */
  default void fetched(String key, long records, long bytes) {}

  /** Something failed; {@code where} is the S3 key or prefix, {@code why} says what happened. */
  default void failed(String where, String why) {}

  /** Something worth knowing that is not a failure (a recovered crash, a rotated log). */
  default void note(String message) {}
}
