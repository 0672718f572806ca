package dev.ossecaws.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the fetcher has durably done: the objects whose lines are in the log, the log's length
 * after them, and the batch being appended when a run stopped (so the next run can finish it).
 *
 * <p>Saved as JSON by writing a temporary file beside it, fsyncing it, renaming it over the old
 * one and fsyncing the directory: a reader sees the old state or the new one, never a mix.
 */
final class FetchState {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  /** An S3 object as listed: a new ETag or size under a known key is a different object. */
  record ObjectId(String key, String etag, long size) {}

  /** Lines of {@code objects} being appended to the log from {@code logStart} to {@code logEnd}. */
  record Pending(long logStart, long logEnd, LineFormat format, int maxLineBytes, List<ObjectId> objects) {}

  private final Path file;
  private final Map<String, ObjectId> processed = new LinkedHashMap<>();
  private long logLength;
  private LocalDate listedThrough;
  private String worker;
  private Pending pending;

  private FetchState(Path file) {
    this.file = file;
  }

  /** The state saved in {@code file}, or an empty one when there is none yet. */
  static FetchState load(Path file) throws IOException {
    FetchState state = new FetchState(file);
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return state;
    } catch (IOException e) {
      throw new IOException("unreadable state file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || root.path("version").asInt() != VERSION) {
      throw new IOException("state file " + file + " is not a version " + VERSION + " ossec-aws state");
    }
    state.logLength = root.path("logLength").asLong();
    if (root.hasNonNull("listedThrough")) state.listedThrough = LocalDate.parse(root.get("listedThrough").asText());
    if (root.hasNonNull("worker")) state.worker = root.get("worker").asText();
    for (JsonNode object : root.path("processed")) {
      ObjectId id = objectId(object);
      state.processed.put(id.key(), id);
    }
    JsonNode pending = root.get("pending");
    if (pending != null && !pending.isNull()) {
      List<ObjectId> objects = new ArrayList<>();
      for (JsonNode object : pending.path("objects")) objects.add(objectId(object));
      state.pending = new Pending(pending.path("logStart").asLong(), pending.path("logEnd").asLong(),
          LineFormat.valueOf(pending.path("format").asText()), pending.path("maxLineBytes").asInt(), objects);
    }
    return state;
  }

  boolean isProcessed(ObjectId object) {
    return object.equals(processed.get(object.key()));
  }

  int processedCount() {
    return processed.size();
  }

  long logLength() {
    return logLength;
  }

  LocalDate listedThrough() {
    return listedThrough;
  }

  Pending pending() {
    return pending;
  }

  /** Records that {@code pending}'s lines are about to be appended; saved before the append. */
  void begin(Pending pending) throws IOException {
    if (this.pending != null) throw new IllegalStateException("a batch is already pending");
    this.pending = pending;
    save();
  }

  /**
   * Replaces the pending batch, none of whose lines are in the log, by {@code batch} (a part of it,
   * or the same objects fetched again), which starts where the log now ends: one save, so a crash
   * leaves one batch or the other pending, never neither.
   */
  void replace(Pending batch) throws IOException {
    if (pending == null) throw new IllegalStateException("no batch pending");
    pending = batch;
    logLength = batch.logStart();
    save();
  }

  /** This log's name in the claims it shares with other queue workers: made once, then kept here. */
  String worker() throws IOException {
    if (worker == null) {
      worker = java.util.UUID.randomUUID().toString();
      save();
    }
    return worker;
  }

  /** The pending batch's lines are durable in the log: its objects are done. */
  void commit() throws IOException {
    for (ObjectId object : pending.objects()) processed.put(object.key(), object);
    logLength = pending.logEnd();
    pending = null;
    save();
  }

  /** Forgets the pending batch: its lines are not in the log, which is {@code length} bytes long. */
  void abandon(long length) throws IOException {
    pending = null;
    logLength = length;
    save();
  }

  /** Takes the log's length as it is, after someone else changed the file (rotation, an editor). */
  void adoptLogLength(long length) throws IOException {
    logLength = length;
    save();
  }

  /**
   * Ends a run: remembers the last day listed, and forgets objects of days before {@code
   * keepFrom}, which later runs no longer list.
   */
  void finishRun(LocalDate listedThrough, LocalDate keepFrom) throws IOException {
    this.listedThrough = listedThrough;
    processed.values().removeIf(object -> {
      LocalDate day = TrailLayout.dayOf(object.key());
      return day != null && day.isBefore(keepFrom);
    });
    save();
  }

  private void save() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    root.put("logLength", logLength);
    root.put("listedThrough", listedThrough == null ? null : listedThrough.toString());
    if (worker != null) root.put("worker", worker);
    ArrayNode objects = root.putArray("processed");
    processed.values().forEach(object -> objects.add(node(object)));
    if (pending != null) {
      ObjectNode batch = root.putObject("pending");
      batch.put("logStart", pending.logStart());
      batch.put("logEnd", pending.logEnd());
      batch.put("format", pending.format().name());
      batch.put("maxLineBytes", pending.maxLineBytes());
      ArrayNode batchObjects = batch.putArray("objects");
      pending.objects().forEach(object -> batchObjects.add(node(object)));
    }
    Path directory = Objects.requireNonNullElse(file.toAbsolutePath().getParent(), Path.of("."));
    Path temporary = directory.resolve(file.getFileName() + ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(root)));
      channel.force(true);
    }
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot replace " + file + " atomically: " + e.getMessage(), e);
    }
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  private static ObjectNode node(ObjectId object) {
    return JSON.createObjectNode()
        .put("key", object.key()).put("etag", object.etag()).put("size", object.size());
  }

  private static ObjectId objectId(JsonNode node) {
    return new ObjectId(node.path("key").asText(), node.path("etag").asText(), node.path("size").asLong());
  }
}
