package dev.ossecaws.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The claims that let several queue workers share one trail without a record reaching two logs:
 * one small S3 object per log file, {@code <prefix><log file's key>}, holding the worker that took it,
 * whether it is {@code working} (until its lease ends) or {@code done}, and that worker's log.
 *
 * <p>Every change is a conditional write, which S3 applies atomically: a claim is created with
 * {@code If-None-Match: *}, so of two workers only one creates it; renewed, taken over once its lease
 * has ended, or marked done with {@code If-Match} on the ETag last seen, so of two workers that saw
 * the same claim only one changes it. {@code done} is final. A worker marks its claim done before it
 * writes the lines (its state holds the batch as pending first, so a restart finishes the write):
 * from then on the file's records belong to that worker's log, and to no other.
 */
final class ObjectClaims {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 4;

  /** A claim this worker holds; {@code etag} is the claim object's, as this worker last wrote it. */
  static final class Claim {
    final String key;
    private String etag;
    private boolean done;

    private Claim(String key, String etag) {
      this.key = key;
      this.etag = etag;
    }
  }

  /** What trying to claim a log file gave: the claim, or that it is done, or held until a time. */
  record Attempt(Claim claim, boolean done, Instant heldUntil, String holder) {}

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final String worker;
  private final String log;
  private final Duration lease;
  private final Clock clock;

  ObjectClaims(S3Client s3, String bucket, String prefix, String worker, String log, Duration lease, Clock clock) {
    this.s3 = Objects.requireNonNull(s3, "s3 == null");
    this.bucket = Objects.requireNonNull(bucket, "bucket == null");
    this.prefix = Objects.requireNonNull(prefix, "prefix == null");
    this.worker = Objects.requireNonNull(worker, "worker == null");
    this.log = Objects.requireNonNull(log, "log == null");
    this.lease = Objects.requireNonNull(lease, "lease == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Claims the log file at {@code key}: a new claim, this worker's own, or one whose lease has ended. */
  Attempt tryClaim(String key) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        return new Attempt(new Claim(key, put(key, body(false), null)), false, null, null);
      } catch (S3Exception e) {
        if (!isConflict(e)) throw e;
      }
      Seen seen = read(key);
      if (seen == null) continue; // gone since (a lifecycle rule): create it again
      if (seen.done) return new Attempt(null, true, null, seen.holder);
      if (!seen.worker.equals(worker) && clock.instant().isBefore(seen.leaseUntil)) {
        return new Attempt(null, false, seen.leaseUntil, seen.holder);
      }
      try {
        return new Attempt(new Claim(key, put(key, body(false), seen.etag)), false, null, null);
      } catch (S3Exception e) {
        if (!isConflict(e) && e.statusCode() != 404) throw e; // another worker changed it first: look again
      }
    }
    return new Attempt(null, false, clock.instant().plus(lease), "workers racing for it");
  }

  /**
   * Marks the claim done: the commit point of the log file's records into this worker's log.
   * False when another worker took it over meanwhile (this worker was too slow).
   */
  boolean complete(Claim claim) {
    return change(claim, true);
  }

  /** Extends the claim's lease; false when another worker took it over meanwhile. */
  boolean renew(Claim claim) {
    return change(claim, false);
  }

  /**
   * The claim on {@code key} if this worker holds it (working or done), for a restart finishing what
   * it had begun; null when it is another worker's or gone.
   */
  Claim own(String key) {
    Seen seen = read(key);
    if (seen == null || !seen.worker.equals(worker)) return null;
    Claim claim = new Claim(key, seen.etag);
    claim.done = seen.done;
    return claim;
  }

  private boolean change(Claim claim, boolean done) {
    synchronized (claim) { // the heartbeat renews while the batch completes
      return changeLocked(claim, done);
    }
  }

  private boolean changeLocked(Claim claim, boolean done) {
    if (claim.done) return true; // final: a late renewal must never make it "working" again
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        claim.etag = put(claim.key, body(done), claim.etag);
        claim.done = done;
        return true;
      } catch (S3Exception e) {
        if (e.statusCode() == 404) return false; // gone: not this worker's any more
        if (!isConflict(e)) throw e;
      }
      // The write may have succeeded with its answer lost (the SDK retried): see what is there.
      Seen seen = read(claim.key);
      if (seen == null || !seen.worker.equals(worker)) return false;
      if (seen.done) {
        claim.done = true;
        return true;
      }
      claim.etag = seen.etag;
    }
    return false;
  }

  private String put(String key, byte[] body, String ifMatch) {
    PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(prefix + key)
        .contentType("application/json");
    if (ifMatch == null) request.ifNoneMatch("*");
    else request.ifMatch(ifMatch);
    return s3.putObject(request.build(), RequestBody.fromBytes(body)).eTag();
  }

  private record Seen(String etag, String worker, boolean done, Instant leaseUntil, String holder) {}

  private Seen read(String key) {
    ResponseBytes<GetObjectResponse> bytes;
    try {
      bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key));
    } catch (NoSuchKeyException e) {
      return null;
    }
    try {
      JsonNode claim = JSON.readTree(bytes.asByteArray());
      return new Seen(bytes.response().eTag(), claim.path("worker").asText(), "done".equals(claim.path("state").asText()),
          Instant.parse(claim.path("leaseUntil").asText()), claim.path("log").asText());
    } catch (IOException | java.time.DateTimeException e) {
      // Not written by ossec-aws: treat as a lease that has ended, so a worker replaces it.
      return new Seen(bytes.response().eTag(), "", false, Instant.EPOCH, "");
    }
  }

  private byte[] body(boolean done) {
    ObjectNode claim = JSON.createObjectNode()
        .put("worker", worker)
        .put("state", done ? "done" : "working")
        .put("leaseUntil", clock.instant().plus(lease).toString())
        .put("log", log);
    try {
      return JSON.writeValueAsBytes(claim);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 412: the condition failed; 409: a concurrent write to the same key (S3 asks to retry). */
  private static boolean isConflict(S3Exception e) {
    return e.statusCode() == 412 || e.statusCode() == 409;
  }
}
