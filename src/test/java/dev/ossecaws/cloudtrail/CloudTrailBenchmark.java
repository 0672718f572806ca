package dev.ossecaws.cloudtrail;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Throughput figures, printed, never asserted. Runs only on request:
 * {@code mvn -o test -Dtest=CloudTrailBenchmark -Dossecaws.bench=true}.
 */
@EnabledIfSystemProperty(named = "ossecaws.bench", matches = "true")
class CloudTrailBenchmark {
  @RegisterExtension static final S3MockExtension S3_MOCK = S3MockServer.extension();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Writes target/bench/cloudtrail-300k.json.gz for {@code ossec-aws cloudtrail flatten}. */
  @Test
  void largeCloudTrailFileForFlatten() throws Exception {
    Path file = Path.of("target", "bench", "cloudtrail-300k.json.gz");
    Files.createDirectories(file.getParent());
    String key = TrailBucket.logKey("111122223333", "us-east-1", LocalDate.of(2024, 3, 10), 1);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("Records");
      for (int i = 0; i < 300_000; i++) JSON.writeTree(json, TrailBucket.record(key, i));
      json.writeEndArray();
      json.writeEndObject();
    }
    System.out.printf("wrote %s: 300000 records, %.1f MB gzipped%n", file, Files.size(file) / 1e6);
  }

  @Test
  void fetchFromS3Mock() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int objects = 400;
    int records = 100;
    try (S3Client s3 = S3MockServer.client(S3_MOCK)) {
      TrailBucket bucket = new TrailBucket(s3, "bench");
      IntStream.range(0, objects).parallel().forEach(i -> {
        try {
          bucket.putLogFile(TrailBucket.logKey("111122223333", "us-east-1", today, i), records);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      FetchSettings settings = new FetchSettings(bucket.name, "", Set.of(), Set.of(), null, 2, dir.resolve("amazon.log"),
          dir.resolve("amazon.log.state"), LineFormat.OSSEC, RecordLine.DEFAULT_MAX_BYTES, false, false);
      long start = System.nanoTime();
      long[] listedAt = new long[1];
      FetchListener timing = new FetchListener() {
        @Override
        public void listed(java.util.List<String> keys, long totalBytes) {
          listedAt[0] = System.nanoTime();
        }
      };
      FetchSummary summary = new Fetcher(s3, settings, timing, Clock.systemUTC()).run();
      System.out.printf("fetch from S3Mock: %s; listing took %.1f s; %.1f objects/s, %.2f MB/s of gzip input, log %.1f MB%n", summary,
          (listedAt[0] - start) / 1e9, summary.objects() * 1000.0 / summary.elapsed().toMillis(),
          summary.bytes() / 1e3 / summary.elapsed().toMillis(), Files.size(settings.log()) / 1e6);
    }
  }
}
