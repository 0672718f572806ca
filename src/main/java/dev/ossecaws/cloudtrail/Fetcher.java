package dev.ossecaws.cloudtrail;

import dev.ossecaws.cloudtrail.FetchState.ObjectId;
import dev.ossecaws.cloudtrail.FetchState.Pending;
import dev.ossecaws.lock.RunLock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One run of the CloudTrail fetcher: lists the trail's day folders in the window, downloads the
 * log files not yet in the state, and appends their lines to the log exactly once.
 *
 * <p>Objects are appended in batches: the state records the batch as pending (with the log's
 * offsets), the batch's bytes are written and fsynced, then the state commits it. A run that dies
 * anywhere in between leaves a log that is either as long as the state says, or a pending batch
 * that the next run finishes by downloading the same objects again and writing the missing tail
 * (so an agent that already read part of the batch never sees a line twice), or cuts back when
 * that is impossible. Objects are deleted (with {@code delete}) only once committed.
 */
public final class Fetcher {
  private static final long MAX_BATCH_BYTES = 16 << 20;
  private static final int MIN_BATCH_OBJECTS = 32;
  private static final int PARALLEL_DOWNLOADS = 8;

  private final S3Client s3;
  private final FetchSettings settings;
  private final FetchListener listener;
  private final Clock clock;
  private final LogFileGate gate;

  public Fetcher(S3Client s3, FetchSettings settings, FetchListener listener, Clock clock) {
    this(s3, settings, listener, clock, LogFileGate.NONE);
  }

  /** A fetcher that appends only the log files {@code gate} lets through (fetch --verify). */
  public Fetcher(S3Client s3, FetchSettings settings, FetchListener listener, Clock clock, LogFileGate gate) {
    this.s3 = Objects.requireNonNull(s3, "s3 == null");
    this.settings = Objects.requireNonNull(settings, "settings == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.gate = Objects.requireNonNull(gate, "gate == null");
  }

  /** Runs once; a failure of one object or listing is reported to the listener and counted. */
  public FetchSummary run() throws IOException {
    if (settings.dryRun()) return new Run(null, null).dryRun();
    try (RunLock lock = RunLock.tryAcquire(settings.lockFile())) {
      if (lock == null) return FetchSummary.lockedOut();
      try (OutputLog log = OutputLog.open(settings.log())) {
        Run run = new Run(FetchState.load(settings.state()), log);
        return run.fetch();
      }
    }
  }

  /** The state of one run, with its counters; {@link QueueFetcher} recovers and downloads through it too. */
  final class Run {
    private final Instant start = clock.instant();
    private final LocalDate today = LocalDate.ofInstant(start, ZoneOffset.UTC);
    private final FetchState state;
    private final OutputLog log;
    private final List<ObjectId> toDelete = new ArrayList<>();
    private long objects;
    private long records;
    private long bytes;
    private long failed;
    private long alreadyDone;
    private long deleted;
    private final TrailListing listing = new TrailListing(s3, settings.bucket(), (where, why) -> {
      failed++;
      listener.failed(where, why);
    });

    Run(FetchState state, OutputLog log) {
      this.state = state;
      this.log = log;
    }

    FetchSummary dryRun() throws IOException {
      FetchState saved = FetchState.load(settings.state());
      List<S3Object> listed = list(firstDay(saved));
      List<S3Object> fresh = new ArrayList<>();
      for (S3Object object : listed) {
        if (saved.isProcessed(id(object))) alreadyDone++;
        else fresh.add(object);
      }
      fresh = admitted(fresh);
      listener.listed(fresh.stream().map(S3Object::key).toList(), fresh.stream().mapToLong(S3Object::size).sum());
      return summary();
    }

    FetchSummary fetch() throws IOException {
      if (!recover(this::forget)) return summary();
      LocalDate firstDay = firstDay(state);
      List<S3Object> fresh = new ArrayList<>();
      for (S3Object object : list(firstDay)) {
        if (!state.isProcessed(id(object))) {
          fresh.add(object);
        } else {
          alreadyDone++;
          if (settings.delete()) toDelete.add(id(object));
        }
      }
      fresh = admitted(fresh);
      listener.listed(fresh.stream().map(S3Object::key).toList(), fresh.stream().mapToLong(S3Object::size).sum());

      Batch batch = new Batch();
      ExecutorService downloads = Executors.newFixedThreadPool(PARALLEL_DOWNLOADS, runnable -> {
        Thread thread = new Thread(runnable, "ossec-aws-download");
        thread.setDaemon(true);
        return thread;
      });
      try {
        // Downloads run ahead in parallel; lines are appended in listing order.
        ArrayDeque<Future<Download>> inFlight = new ArrayDeque<>();
        Iterator<S3Object> next = fresh.iterator();
        while (next.hasNext() || !inFlight.isEmpty()) {
          while (next.hasNext() && inFlight.size() < PARALLEL_DOWNLOADS) {
            ObjectId id = id(next.next());
            inFlight.add(downloads.submit(() -> download(id, settings.format(), settings.maxLineBytes(), gate)));
          }
          Download done = await(inFlight.removeFirst());
          if (done.failure() != null) {
            failed++;
            listener.failed(done.id().key(), S3Errors.describe(done.failure()));
          } else {
            batch.add(done.id(), done.lines(), done.records());
            bytes += done.id().size();
            listener.fetched(done.id().key(), done.records(), done.id().size());
          }
          if (batch.isFull(state.processedCount())) append(batch);
        }
      } finally {
        downloads.shutdownNow();
      }
      append(batch);
      deleteCommitted();
      LocalDate keepFrom = today.minusDays(settings.lookbackDays());
      state.finishRun(today, firstDay.isBefore(keepFrom) ? firstDay : keepFrom);
      return summary();
    }

    /** The first day folder to list: --since, or the window before the last run (or today). */
    private LocalDate firstDay(FetchState saved) {
      if (settings.since() != null) return settings.since();
      LocalDate last = saved.listedThrough() == null || saved.listedThrough().isAfter(today) ? today : saved.listedThrough();
      return last.minusDays(settings.lookbackDays());
    }

    /**
     * The log files of the window's day folders (through tomorrow, for a clock behind S3's), oldest
     * key first per folder.
     */
    private List<S3Object> list(LocalDate firstDay) {
      List<S3Object> found = new ArrayList<>();
      for (String account : accountFolders()) {
        for (String region : listing.folders(TrailLayout.regionsFolder(account))) {
          if (!settings.regions().isEmpty() && !settings.regions().contains(TrailLayout.lastSegment(region))) continue;
          for (LocalDate day = firstDay; !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
            found.addAll(listing.logFiles(TrailLayout.dayFolder(region, day)));
          }
        }
      }
      found.sort(Comparator.comparing(S3Object::key));
      return found;
    }

    private List<String> accountFolders() {
      return BucketListing.accountFolders(settings.prefix(), settings.accounts(), listing::folders);
    }

    /** The objects the gate lets through now; what it refuses counts as failed and is retried next run. */
    private List<S3Object> admitted(List<S3Object> fresh) {
      LogFileGate.Admission admission = gate.admit(fresh.stream().map(S3Object::key).toList());
      admission.refused().forEach((where, why) -> {
        failed++;
        listener.failed(where, why);
      });
      if (admission.waiting() > 0) listener.note(admission.waiting() + " log files wait for the digest that will list them");
      java.util.Set<String> take = java.util.Set.copyOf(admission.take());
      return fresh.stream().filter(object -> take.contains(object.key())).toList();
    }

    /** Downloads the object as listed (same ETag), has the gate check it, and makes its lines, or says why not. */
    Download download(ObjectId id, LineFormat format, int maxLineBytes, LogFileGate gate) {
      GetObjectRequest request = GetObjectRequest.builder()
          .bucket(settings.bucket()).key(id.key()).ifMatch(id.etag()).build();
      ByteArrayOutputStream lines = new ByteArrayOutputStream();
      try (InputStream in = gate.check(id.key(), s3.getObject(request))) {
        long records = format.copy(in, maxLineBytes, lines);
        return new Download(id, lines.toByteArray(), records, null);
      } catch (IOException | SdkException e) {
        return new Download(id, null, 0, e);
      }
    }

    /** Appends the batch's lines once: pending in the state, written and fsynced, committed. */
    private void append(Batch batch) throws IOException {
      if (batch.ids.isEmpty()) return;
      byte[] lines = batch.lines.toByteArray();
      long start = state.logLength();
      state.begin(new Pending(start, start + lines.length, settings.format(), settings.maxLineBytes(), List.copyOf(batch.ids)));
      log.writeDurably(start, lines, 0);
      state.commit();
      objects += batch.ids.size();
      records += batch.records;
      if (settings.delete()) toDelete.addAll(batch.ids);
      batch.clear();
    }

    /**
     * What becomes of a pending batch none of whose lines are in the log, which is {@code logLength}
     * bytes long: false when it cannot be settled now (the run then stops, the batch still pending).
     */
    interface Unwritten {
      boolean settle(Pending pending, long logLength) throws IOException;
    }

    /** A listing run forgets such a batch: its objects are not processed, so it lists them again. */
    private boolean forget(Pending pending, long logLength) throws IOException {
      state.abandon(logLength);
      return true;
    }

    /**
     * Brings the log and the state into agreement after an earlier run stopped. Returns false
     * when a pending batch can be neither finished nor undone now (the run then stops).
     */
    boolean recover(Unwritten unwritten) throws IOException {
      long size = log.size();
      Pending pending = state.pending();
      if (pending == null) {
        if (size != state.logLength()) {
          listener.note(log + " is " + size + " bytes, the state says " + state.logLength()
              + ": taking it as it is (rotated or written by something else)");
          state.adoptLogLength(size);
        }
        return true;
      }
      if (size == pending.logEnd()) {
        state.commit();
        listener.note("committed the batch of " + pending.objects().size() + " objects an earlier run stopped after writing");
        return true;
      }
      if (size > pending.logStart() && size < pending.logEnd()) return finishPartial(pending, size, unwritten);
      if (size != pending.logStart()) {
        listener.note(log + " is " + size + " bytes, outside the batch an earlier run was writing ("
            + pending.logStart() + " to " + pending.logEnd() + "): taking it as it is");
      }
      return unwritten.settle(pending, size);
    }

    /** Writes the missing tail of a batch cut short, or cuts the log back to before it. */
    private boolean finishPartial(Pending pending, long size, Unwritten unwritten) throws IOException {
      ByteArrayOutputStream lines = new ByteArrayOutputStream();
      for (ObjectId id : pending.objects()) {
        // Its objects passed the gate when the batch began; the log's bytes are compared below.
        Download download = download(id, pending.format(), pending.maxLineBytes(), LogFileGate.NONE);
        if (download.failure() != null) {
          failed++;
          listener.failed(id.key(), "cannot finish the batch an earlier run was writing, retrying next run: "
              + S3Errors.describe(download.failure()));
          return false;
        }
        lines.writeBytes(download.lines());
      }
      byte[] expected = lines.toByteArray();
      int written = (int) (size - pending.logStart());
      if (expected.length == pending.logEnd() - pending.logStart() && log.holds(pending.logStart(), expected, written)) {
        log.writeDurably(size, expected, written);
        state.commit();
        listener.note("finished the batch of " + pending.objects().size() + " objects an earlier run stopped writing");
        return true;
      }
      log.truncateDurably(pending.logStart());
      listener.note("cut " + log + " back to " + pending.logStart() + " bytes: the batch an earlier run stopped writing no longer matches its objects");
      return unwritten.settle(pending, pending.logStart());
    }

    private void deleteCommitted() {
      for (ObjectId id : toDelete) {
        try {
          s3.deleteObject(DeleteObjectRequest.builder().bucket(settings.bucket()).key(id.key()).build());
          deleted++;
        } catch (SdkException e) {
          failed++;
          listener.failed(id.key(), "not deleted: " + S3Errors.describe(e));
        }
      }
    }

    private FetchSummary summary() {
      return new FetchSummary(objects, records, bytes, failed, alreadyDone, deleted,
          Duration.between(start, clock.instant()), false);
    }
  }

  /** One object's lines, or the reason there are none. */
  record Download(ObjectId id, byte[] lines, long records, Exception failure) {}

  private static Download await(Future<Download> download) throws IOException {
    try {
      return download.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while downloading");
    } catch (ExecutionException e) {
      throw new IllegalStateException("download task failed", e.getCause());
    }
  }

  private static ObjectId id(S3Object object) {
    return new ObjectId(object.key(), object.eTag(), object.size());
  }

  /** Objects downloaded and not yet appended. */
  private static final class Batch {
    final List<ObjectId> ids = new ArrayList<>();
    final ByteArrayOutputStream lines = new ByteArrayOutputStream();
    long records;

    void add(ObjectId id, byte[] objectLines, long count) {
      ids.add(id);
      lines.writeBytes(objectLines);
      records += count;
    }

    /** Full when big, or when the state's rewrite would dominate: batches grow with the state. */
    boolean isFull(int processed) {
      return lines.size() >= MAX_BATCH_BYTES || ids.size() >= Math.max(MIN_BATCH_OBJECTS, processed / 16);
    }

    void clear() {
      ids.clear();
      lines.reset();
      records = 0;
    }
  }
}
