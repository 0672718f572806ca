package dev.ossecaws.cloudtrail;

import dev.ossecaws.cloudtrail.FetchState.ObjectId;
import dev.ossecaws.cloudtrail.FetchState.Pending;
import dev.ossecaws.cloudtrail.Notification.CreatedObject;
import dev.ossecaws.cloudtrail.ObjectClaims.Attempt;
import dev.ossecaws.cloudtrail.ObjectClaims.Claim;
import dev.ossecaws.lock.RunLock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The CloudTrail fetcher fed by the trail bucket's S3 event notifications through SQS instead of
 * listings: receives them, fetches each log file they name and appends its records as {@link
 * Fetcher} does, through the same state, recovery and downloads; any number of these workers may
 * share one queue, each with its own log.
 *
 * <p>Per log file: claim it ({@link ObjectClaims}), download it, record the batch as pending in the
 * state, mark the claim done (the commit point), write and fsync the lines, commit the state, and
 * only then delete the message. Killed before the claim is done, the file's message comes back and
 * the claim's lease ends, so some worker fetches it; killed after, this worker's restart finishes the
 * write from its state. A message is left on the queue (for its redrive policy to move to the
 * dead-letter queue) when it cannot be read, names another bucket or a key that is not a log file, or
 * its file failed; S3's test event and digest files are acknowledged and skipped.
 */
public final class QueueFetcher {
  private static final int PARALLEL = 8;
  private static final int MAX_MESSAGES = 10;

  private final S3Client s3;
  private final SqsClient sqs;
  private final FetchSettings settings;
  private final QueueSettings queue;
  private final FetchListener listener;
  private final Clock clock;

  public QueueFetcher(S3Client s3, SqsClient sqs, FetchSettings settings, QueueSettings queue,
      FetchListener listener, Clock clock) {
    this.s3 = Objects.requireNonNull(s3, "s3 == null");
    this.sqs = Objects.requireNonNull(sqs, "sqs == null");
    this.settings = Objects.requireNonNull(settings, "settings == null");
    this.queue = Objects.requireNonNull(queue, "queue == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Receives until a receive waits its long poll for nothing; failures are reported and counted. */
  public FetchSummary run() throws IOException {
    try (RunLock lock = RunLock.tryAcquire(settings.lockFile())) {
      if (lock == null) return FetchSummary.lockedOut();
      try (OutputLog log = OutputLog.open(settings.log())) {
        return new Worker(FetchState.load(settings.state()), log).work();
      }
    }
  }

  /** One message as received, and whether it may be deleted once its batch is committed. */
  private static final class Delivery {
    final Message message;
    volatile boolean keep;
    volatile Instant retryAt;

    Delivery(Message message) {
      this.message = message;
    }

    void keepUntil(Instant until) {
      keep = true;
      if (retryAt == null || until.isBefore(retryAt)) retryAt = until;
    }
  }

  /** A log file claimed and downloaded, ready to append. */
  private record Fetched(Delivery delivery, ObjectId id, Claim claim, byte[] lines, long records) {}

  private final class Worker {
    private final Instant start = clock.instant();
    private final FetchState state;
    private final OutputLog log;
    private final Fetcher.Run files;
    private final ObjectClaims claims;
    private final Set<Delivery> received = ConcurrentHashMap.newKeySet();
    private final Set<Claim> held = ConcurrentHashMap.newKeySet();
    private long objects;
    private long records;
    private long bytes;
    private long failed;
    private long alreadyDone;

    Worker(FetchState state, OutputLog log) throws IOException {
      this.state = state;
      this.log = log;
      this.files = new Fetcher(s3, settings, listener, clock).new Run(state, log);
      this.claims = new ObjectClaims(s3, queue.claimsBucket(), queue.claimsPrefix(), state.worker(),
          hostName() + ":" + settings.log(), queue.lease(), clock);
    }

    FetchSummary work() throws IOException {
      if (!recover()) {
        failed++;
        return summary();
      }
      ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, daemon("ossec-aws-fetch"));
      ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("ossec-aws-heartbeat"));
      long period = Math.max(queue.lease().toMillis() / 3, 500);
      heartbeat.scheduleAtFixedRate(this::extend, period, period, TimeUnit.MILLISECONDS);
      try {
        while (true) {
          List<Message> messages;
          try {
            messages = sqs.receiveMessage(r -> r.queueUrl(queue.queueUrl()).maxNumberOfMessages(MAX_MESSAGES)
                .waitTimeSeconds(queue.waitSeconds()).visibilityTimeout((int) queue.lease().toSeconds())).messages();
          } catch (SdkException e) {
            failed++;
            listener.failed(queue.queueUrl(), describe(e));
            break;
          }
          if (messages.isEmpty()) break;
          handle(messages, pool);
          forgetCommitted();
        }
      } finally {
        pool.shutdownNow();
        heartbeat.shutdownNow();
      }
      return summary();
    }

    /**
     * Finishes a batch an earlier run stopped in. One stopped before its lines were written may have
     * its claims done already, so that its messages, once back, are acknowledged without a fetch:
     * its objects still this worker's are fetched again and appended now, the batch pending in the
     * state until the one replacing it is saved.
     */
    private boolean recover() throws IOException {
      return files.recover(this::fetchAgain);
    }

    private boolean fetchAgain(Pending pending, long logLength) throws IOException {
      List<Fetched> unfinished = new ArrayList<>();
      for (ObjectId id : pending.objects()) {
        Claim claim;
        try {
          claim = claims.own(id.key());
        } catch (SdkException e) {
          listener.failed(id.key(), "cannot read its claim to finish the batch an earlier run began, retrying next run: "
              + S3Errors.describe(e));
          return false;
        }
        if (claim == null) {
          listener.note(id.key() + ": taken over by another worker while this one was stopped");
          continue;
        }
        Fetcher.Download download = files.download(id, settings.format(), settings.maxLineBytes(), LogFileGate.NONE);
        if (download.failure() != null) {
          listener.failed(id.key(), "cannot finish the batch an earlier run began, retrying next run: "
              + S3Errors.describe(download.failure()));
          return false;
        }
        unfinished.add(new Fetched(null, id, claim, download.lines(), download.records()));
      }
      state.replace(pending(logLength, unfinished));
      write(logLength, unfinished, null);
      if (!unfinished.isEmpty()) {
        listener.note("appended the " + unfinished.size() + " claimed objects an earlier run stopped before writing");
      }
      return true;
    }

    private void handle(List<Message> messages, ExecutorService pool) throws IOException {
      List<Delivery> deliveries = messages.stream().map(Delivery::new).toList();
      received.addAll(deliveries);
      try {
        List<Future<Fetched>> fetches = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Delivery delivery : deliveries) {
          for (CreatedObject object : accepted(delivery)) {
            // S3 may notify twice: the first message fetches the file, and stays if that fails.
            if (keys.add(object.key())) fetches.add(pool.submit(() -> fetch(delivery, object)));
            else countAlreadyDone();
          }
        }
        List<Fetched> batch = new ArrayList<>();
        for (Future<Fetched> fetch : fetches) {
          Fetched fetched = await(fetch);
          if (fetched != null) batch.add(fetched);
        }
        append(batch, pool);
        acknowledge(deliveries);
      } finally {
        received.removeAll(deliveries);
      }
    }

    /** The message's log files to fetch; what is skipped or refused is said here. */
    private List<CreatedObject> accepted(Delivery delivery) {
      Notification notification;
      try {
        notification = Notification.parse(delivery.message.body());
      } catch (Notification.UnreadableException e) {
        refuse(delivery, "message " + delivery.message.messageId(), e.getMessage());
        return List.of();
      }
      if (notification.testEvent()) listener.note("message " + delivery.message.messageId() + ": S3's test event, acknowledged");
      for (String other : notification.otherEvents()) {
        listener.note("message " + delivery.message.messageId() + ": " + other + " is not an object-created event, acknowledged");
      }
      List<CreatedObject> accepted = new ArrayList<>();
      for (CreatedObject object : notification.objects()) {
        if (!object.bucket().equals(settings.bucket())) {
          refuse(delivery, "s3://" + object.bucket() + "/" + object.key(),
              "in bucket " + object.bucket() + ", not the trail's bucket " + settings.bucket());
        } else if (TrailLayout.isDigestFile(object.key())) {
          continue; // CloudTrail's digests: not logs
        } else if (!TrailLayout.isLogFile(object.key())) {
          refuse(delivery, object.key(), "not a CloudTrail log file (no _CloudTrail_ in a .json.gz name)");
        } else {
          accepted.add(object);
        }
      }
      return accepted;
    }

    private synchronized void refuse(Delivery delivery, String where, String why) {
      failed++;
      delivery.keep = true;
      listener.failed(where, why + "; left on the queue for its dead-letter queue");
    }

    /** Claims and downloads one log file; null when there is nothing to append (done, held, failed). */
    private Fetched fetch(Delivery delivery, CreatedObject object) {
      Attempt attempt;
      try {
        attempt = claims.tryClaim(object.key());
      } catch (SdkException e) {
        return failure(delivery, object.key(), "cannot claim it: " + S3Errors.describe(e));
      }
      if (attempt.done()) {
        countAlreadyDone();
        return null;
      }
      if (attempt.claim() == null) {
        delivery.keepUntil(attempt.heldUntil());
        return null;
      }
      held.add(attempt.claim());
      ObjectId id;
      try {
        id = identify(object);
      } catch (SdkException e) {
        held.remove(attempt.claim());
        return failure(delivery, object.key(), S3Errors.describe(e));
      }
      Fetcher.Download download = files.download(id, settings.format(), settings.maxLineBytes(), LogFileGate.NONE);
      if (download.failure() != null) {
        held.remove(attempt.claim()); // its lease ends with the message's visibility: then a worker tries again
        return failure(delivery, object.key(), S3Errors.describe(download.failure()));
      }
      listener.fetched(object.key(), download.records(), id.size());
      return new Fetched(delivery, id, attempt.claim(), download.lines(), download.records());
    }

    private synchronized void countAlreadyDone() {
      alreadyDone++;
    }

    private synchronized Fetched failure(Delivery delivery, String key, String why) {
      failed++;
      delivery.keep = true;
      listener.failed(key, why);
      return null;
    }

    /** The object as the notification names it, or as S3 says when the notification lacks its ETag. */
    private ObjectId identify(CreatedObject object) {
      if (object.etag() != null && object.size() >= 0) {
        String etag = object.etag().startsWith("\"") ? object.etag() : "\"" + object.etag() + "\"";
        return new ObjectId(object.key(), etag, object.size());
      }
      var head = s3.headObject(b -> b.bucket(settings.bucket()).key(object.key()));
      return new ObjectId(object.key(), head.eTag(), head.contentLength());
    }

    /** Appends the batch once: pending in the state, then {@link #write}. */
    private void append(List<Fetched> batch, ExecutorService pool) throws IOException {
      if (batch.isEmpty()) return;
      long start = state.logLength();
      state.begin(pending(start, batch));
      write(start, batch, pool);
    }

    /**
     * Writes the pending batch: claims marked done, the lines of those whose claim is still this
     * worker's written from {@code start} and fsynced, the state committed.
     */
    private void write(long start, List<Fetched> batch, ExecutorService pool) throws IOException {
      List<Fetched> kept = new ArrayList<>();
      List<Boolean> completed = completeAll(batch, pool);
      for (int i = 0; i < batch.size(); i++) {
        Fetched fetched = batch.get(i);
        if (completed.get(i)) {
          kept.add(fetched);
        } else {
          listener.note(fetched.id().key() + ": taken over by another worker before it was done here; its records are that worker's");
          if (fetched.delivery() != null) fetched.delivery().keepUntil(clock.instant().plus(queue.lease()));
        }
      }
      if (kept.size() < batch.size()) state.replace(pending(start, kept));
      log.writeDurably(start, lines(kept), 0);
      state.commit();
      batch.forEach(fetched -> held.remove(fetched.claim()));
      objects += kept.size();
      for (Fetched fetched : kept) {
        records += fetched.records();
        bytes += fetched.id().size();
      }
    }

    private List<Boolean> completeAll(List<Fetched> batch, ExecutorService pool) throws IOException {
      List<Boolean> completed = new ArrayList<>();
      if (pool == null) {
        for (Fetched fetched : batch) completed.add(claims.complete(fetched.claim()));
        return completed;
      }
      List<Future<Boolean>> futures = new ArrayList<>();
      for (Fetched fetched : batch) futures.add(pool.submit((Callable<Boolean>) () -> claims.complete(fetched.claim())));
      for (Future<Boolean> future : futures) completed.add(await(future));
      return completed;
    }

    private Pending pending(long start, List<Fetched> batch) {
      return new Pending(start, start + lines(batch).length, settings.format(), settings.maxLineBytes(),
          batch.stream().map(Fetched::id).toList());
    }

    /** Deletes the messages whose every log file is done; the others come back when they should. */
    private void acknowledge(List<Delivery> deliveries) {
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (Delivery delivery : deliveries) {
        if (!delivery.keep) {
          entries.add(DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(entries.size())).receiptHandle(delivery.message.receiptHandle()).build());
        } else if (delivery.retryAt != null) {
          long seconds = Math.max(0, Math.min(Duration.between(clock.instant(), delivery.retryAt).toSeconds() + 1, 43_199));
          try {
            sqs.changeMessageVisibility(b -> b.queueUrl(queue.queueUrl())
                .receiptHandle(delivery.message.receiptHandle()).visibilityTimeout((int) seconds));
          } catch (SdkException e) {
            // It comes back when its visibility timeout ends anyway.
          }
        }
      }
      if (entries.isEmpty()) return;
      try {
        for (BatchResultErrorEntry error : sqs.deleteMessageBatch(b -> b.queueUrl(queue.queueUrl()).entries(entries)).failed()) {
          // SQS answers a delete with a stale receipt handle (the message was received again since)
          // with success and keeps the message; ElasticMQ refuses it. Either way it comes back and
          // is acknowledged then, its file being done.
          if ("ReceiptHandleIsInvalid".equals(error.code())) continue;
          failed++;
          listener.failed(queue.queueUrl(), "a message was not deleted (" + error.code() + "); it comes back and is skipped then");
        }
      } catch (SdkException e) {
        failed++;
        listener.failed(queue.queueUrl(), "messages not deleted: " + describe(e) + "; they come back and are skipped then");
      }
    }

    /** The heartbeat: keeps the messages being handled invisible and the claims held this worker's. */
    private void extend() {
      for (Delivery delivery : received) {
        try {
          sqs.changeMessageVisibility(b -> b.queueUrl(queue.queueUrl())
              .receiptHandle(delivery.message.receiptHandle()).visibilityTimeout((int) queue.lease().toSeconds()));
        } catch (SdkException e) {
          // Visible again at worst: another worker then finds the claim held or done.
        }
      }
      for (Claim claim : held) {
        try {
          if (!claims.renew(claim)) held.remove(claim);
        } catch (SdkException e) {
          // The next beat tries again; the claim's lease is longer than a beat.
        }
      }
    }

    /** The claims, not the state, say which files are done in this mode: the state keeps only the batch. */
    private void forgetCommitted() throws IOException {
      if (state.processedCount() < 4096) return;
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      state.finishRun(today, today.plusDays(2));
    }

    private FetchSummary summary() {
      return new FetchSummary(objects, records, bytes, failed, alreadyDone, 0, Duration.between(start, clock.instant()), false);
    }
  }

  /** SQS's errors in a line: the service's code and status, never the request (no credentials). */
  private static String describe(SdkException e) {
    if (e instanceof QueueDoesNotExistException) return "no such queue, or no access to it (QueueDoesNotExist)";
    if (e instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
          ? service.awsErrorDetails().errorCode() : "HTTP " + service.statusCode();
      return (service.statusCode() == 403 ? "access denied" : "refused") + " (" + code + ", HTTP " + service.statusCode() + ")";
    }
    String s3Words = S3Errors.describe(e);
    return s3Words.startsWith("cannot reach S3") ? "cannot reach SQS: " + e.getMessage() : s3Words;
  }

  private static byte[] lines(List<Fetched> batch) {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    batch.forEach(fetched -> lines.writeBytes(fetched.lines()));
    return lines.toByteArray();
  }

  private static <T> T await(Future<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching");
    } catch (ExecutionException e) {
      throw new IllegalStateException("fetch task failed", e.getCause());
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
