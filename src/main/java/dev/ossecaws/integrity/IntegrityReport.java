package dev.ossecaws.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a {@code verify} run found: every digest and log file of the window with its status. */
public final class IntegrityReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A digest file and what checking it found; {@code reason} is null when valid. */
  public record Digest(String key, DigestStatus status, String reason) {}

  /** A log file, what checking it found, and the digest that lists it (null when none does). */
  public record LogFile(String key, LogFileStatus status, String reason, String digest) {}

  /** An object or folder that could not be read (access denied, throttled): what it would have shown is unknown. */
  public record Unchecked(String where, String reason) {}

  private final VerifySettings settings;
  private final List<Digest> digests;
  private final List<LogFile> logFiles;
  private final List<Unchecked> unchecked;

  IntegrityReport(VerifySettings settings, List<Digest> digests, List<LogFile> logFiles, List<Unchecked> unchecked) {
    this.settings = settings;
    this.digests = List.copyOf(digests);
    this.logFiles = List.copyOf(logFiles);
    this.unchecked = List.copyOf(unchecked);
  }

  public List<Digest> digests() {
    return digests;
  }

  public List<LogFile> logFiles() {
    return logFiles;
  }

  public List<Unchecked> unchecked() {
    return unchecked;
  }

  /** True when every digest is valid and every log file valid or pending (a pending file is not yet listable). */
  public boolean allValid() {
    return digests.stream().allMatch(d -> d.status() == DigestStatus.VALID)
        && logFiles.stream().allMatch(f -> f.status() == LogFileStatus.VALID || f.status() == LogFileStatus.PENDING);
  }

  /** True when every object of the window could be read. */
  public boolean complete() {
    return unchecked.isEmpty();
  }

  /** One line: the counts of each status, e.g. {@code digests: 24 valid, 1 missing; log files: 280 valid, 1 modified}. */
  public String summary() {
    String line = "digests: " + counts(digests.stream().map(Digest::status).toList(), DigestStatus.class, DigestStatus::label)
        + "; log files: " + counts(logFiles.stream().map(LogFile::status).toList(), LogFileStatus.class, LogFileStatus::label);
    if (!unchecked.isEmpty()) line += "; " + unchecked.size() + " could not be read";
    return line + (allValid() && complete() ? ": all valid" : allValid() ? ": incomplete" : ": NOT VALID");
  }

  /**
   * The report as text: one line per digest and log file that is not valid (every one with {@code
   * verbose}), one per object that could not be read, then the summary.
   */
  public String text(boolean verbose) {
    StringBuilder out = new StringBuilder();
    for (Digest digest : digests) {
      if (verbose || digest.status() != DigestStatus.VALID) line(out, "digest", digest.status().label(), digest.key(), digest.reason());
    }
    for (LogFile file : logFiles) {
      if (verbose || file.status() != LogFileStatus.VALID) line(out, "log file", file.status().label(), file.key(), file.reason());
    }
    for (Unchecked object : unchecked) line(out, "unreadable", "", object.where(), object.reason());
    return out.append(summary()).append('\n').toString();
  }

  /** The report as one JSON document, for auditors: the window, the summary counts, every item. */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("bucket", settings.bucket());
    root.put("prefix", settings.prefix());
    root.put("since", settings.since().toString());
    root.put("until", settings.until().toString());
    root.put("valid", allValid() && complete());
    root.put("complete", complete());
    ObjectNode summary = root.putObject("summary");
    summary.set("digests", countNode(digests.stream().map(Digest::status).toList(), DigestStatus.class, DigestStatus::label));
    summary.set("logFiles", countNode(logFiles.stream().map(LogFile::status).toList(), LogFileStatus.class, LogFileStatus::label));
    summary.put("unreadable", unchecked.size());
    ArrayNode digestNodes = root.putArray("digests");
    for (Digest digest : digests) {
      digestNodes.addObject().put("key", digest.key()).put("status", digest.status().label()).put("reason", digest.reason());
    }
    ArrayNode fileNodes = root.putArray("logFiles");
    for (LogFile file : logFiles) {
      fileNodes.addObject().put("key", file.key()).put("status", file.status().label())
          .put("reason", file.reason()).put("digest", file.digest());
    }
    ArrayNode uncheckedNodes = root.putArray("unreadable");
    for (Unchecked object : unchecked) uncheckedNodes.addObject().put("key", object.where()).put("reason", object.reason());
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  private static void line(StringBuilder out, String kind, String status, String key, String reason) {
    out.append(kind).append(' ');
    if (!status.isEmpty()) out.append(status.toUpperCase(Locale.ROOT)).append(' ');
    out.append(key);
    if (reason != null) out.append(": ").append(reason);
    out.append('\n');
  }

  private static <E extends Enum<E>> Map<E, Long> tally(List<E> statuses, Class<E> type) {
    Map<E, Long> counts = new EnumMap<>(type);
    for (E status : statuses) counts.merge(status, 1L, Long::sum);
    return counts;
  }

  private static <E extends Enum<E>> String counts(List<E> statuses, Class<E> type, Function<E, String> label) {
    Map<E, Long> counts = tally(statuses, type);
    if (counts.isEmpty()) return "none";
    return counts.entrySet().stream().map(e -> e.getValue() + " " + label.apply(e.getKey())).collect(Collectors.joining(", "));
  }

  private static <E extends Enum<E>> ObjectNode countNode(List<E> statuses, Class<E> type, Function<E, String> label) {
    ObjectNode node = JSON.createObjectNode();
    Map<E, Long> counts = tally(statuses, type);
    for (E status : type.getEnumConstants()) node.put(label.apply(status), counts.getOrDefault(status, 0L));
    return node;
  }
}
