package dev.ossecaws.cloudtrail;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Which listed log files a fetch run may append, and a check of each one's content before its
 * lines are kept ({@code fetch --verify} lets through only what a signed digest vouches for). A
 * file not let through is not marked processed: a later run sees it again.
 */
public interface LogFileGate {
  /** Every file, unchecked: fetch without {@code --verify}. */
  LogFileGate NONE = new LogFileGate() {
    @Override
    public Admission admit(List<String> keys) {
      return new Admission(keys, Map.of(), 0);
    }

    @Override
    public InputStream check(String key, InputStream content) {
      return content;
    }
  };

  /**
   * What to do with a run's listed keys: fetch {@code take} now; {@code refused} (key or folder to
   * why) are failures; {@code waiting} files are fine but cannot be checked yet.
   */
  record Admission(List<String> take, Map<String, String> refused, int waiting) {
    public Admission {
      take = List.copyOf(take);
      refused = Map.copyOf(refused);
    }
  }

  /** Sorts the run's listed log files, before any is downloaded. */
  Admission admit(List<String> keys);

  /**
   * The content of a taken file as downloaded, checked: the stream its lines are read from, or a
   * {@link RefusedException} saying why it must not be appended.
   */
  InputStream check(String key, InputStream content) throws IOException;

  /** A downloaded file the gate refuses (it was modified since it was delivered): the message says why. */
  final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
      super(message);
    }
  }
}
