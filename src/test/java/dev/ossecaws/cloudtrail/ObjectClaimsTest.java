package dev.ossecaws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

class ObjectClaimsTest {
  @RegisterExtension static final S3MockExtension S3_MOCK = S3MockServer.extension();
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static FaultyS3Proxy proxy;
  private static S3Client s3;
  private static int buckets;

  @BeforeAll
  static void start() throws Exception {
    proxy = new FaultyS3Proxy(S3MockServer.endpoint(S3_MOCK));
    s3 = S3MockServer.client(proxy.endpoint());
  }

  @AfterAll
  static void stop() {
    s3.close();
    proxy.close();
  }

  private static String newBucket() {
    String name = "claims-" + (++buckets);
    s3.createBucket(b -> b.bucket(name));
    return name;
  }

  private static ObjectClaims worker(String bucket, String name, Clock clock) {
    return new ObjectClaims(s3, bucket, "claims/", name, "host:/logs/" + name, LEASE, clock);
  }

  @Test
  void ofWorkersClaimingOneFileAtOnceExactlyOneGetsIt() throws Exception {
    String bucket = newBucket();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 20; round++) {
        String key = "AWSLogs/file-" + round + ".json.gz";
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ObjectClaims.Attempt>> attempts = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
          ObjectClaims claims = worker(bucket, "worker-" + w, Clock.systemUTC());
          attempts.add(pool.submit(() -> {
            go.await();
            return claims.tryClaim(key);
          }));
        }
        go.countDown();
        int won = 0;
        for (Future<ObjectClaims.Attempt> attempt : attempts) {
          ObjectClaims.Attempt result = attempt.get();
          if (result.claim() != null) won++;
          else assertNotNull(result.heldUntil(), "held by the winner");
        }
        assertEquals(1, won, "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClaimWhoseLeaseEndedIsTakenOverAndItsFormerHolderCanNoLongerCompleteIt() {
    String bucket = newBucket();
    Instant now = Instant.parse("2024-03-10T12:00:00Z");
    ObjectClaims slow = worker(bucket, "slow", Clock.fixed(now, ZoneOffset.UTC));
    ObjectClaims.Claim held = slow.tryClaim("AWSLogs/a.json.gz").claim();
    ObjectClaims early = worker(bucket, "other", Clock.fixed(now.plus(LEASE).minusSeconds(1), ZoneOffset.UTC));
    ObjectClaims late = worker(bucket, "other", Clock.fixed(now.plus(LEASE).plusSeconds(1), ZoneOffset.UTC));

    assertNull(early.tryClaim("AWSLogs/a.json.gz").claim(), "the lease still runs");
    ObjectClaims.Claim taken = late.tryClaim("AWSLogs/a.json.gz").claim();

    assertNotNull(taken);
    assertFalse(slow.complete(held), "the former holder's commit fails");
    assertFalse(slow.renew(held));
    assertTrue(late.complete(taken));
    assertTrue(slow.tryClaim("AWSLogs/a.json.gz").done());
    assertNull(slow.own("AWSLogs/a.json.gz"));
    assertNotNull(late.own("AWSLogs/a.json.gz"));
  }

  @Test
  void aRenewalAfterTheClaimIsDoneLeavesItDone() throws Exception {
    String bucket = newBucket();
    ObjectClaims claims = worker(bucket, "w1", Clock.systemUTC());
    ObjectClaims.Claim claim = claims.tryClaim("AWSLogs/c.json.gz").claim();
    assertTrue(claims.complete(claim));

    assertTrue(claims.renew(claim), "the heartbeat's late renewal");

    String stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key("claims/AWSLogs/c.json.gz")).asUtf8String();
    assertTrue(stored.contains("\"state\":\"done\""), stored);
    assertTrue(worker(bucket, "w2", Clock.offset(Clock.systemUTC(), LEASE.multipliedBy(2))).tryClaim("AWSLogs/c.json.gz").done());
  }

  @Test
  void aWorkerRestartedWithTheSameIdTakesBackItsOwnClaimAtOnce() {
    String bucket = newBucket();
    ObjectClaims before = worker(bucket, "w1", Clock.systemUTC());
    assertNotNull(before.tryClaim("AWSLogs/b.json.gz").claim());
    ObjectClaims after = worker(bucket, "w1", Clock.systemUTC());

    ObjectClaims.Claim again = after.tryClaim("AWSLogs/b.json.gz").claim();

    assertNotNull(again);
    assertTrue(after.complete(again));
    assertTrue(after.complete(after.own("AWSLogs/b.json.gz")), "completing a done claim of one's own again is harmless");
  }
}
