package dev.ossecaws.replay;

import dev.ossecaws.cloudtrail.TrailListing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The log files a replay reads, in the order it reads them, from what the command line names:
 * files, directories (walked, name order; {@code .json} and {@code .json.gz} files only, digest
 * files skipped) and {@code s3://bucket[/prefix]} (the trail's day folders under the prefix,
 * bounded by {@code since} and {@code until}).
 *
 * <p><b>Order.</b> CloudTrail names each file after the time its records end ({@code
 * ..._CloudTrail_us-east-1_20240301T1005Z_...}); files are replayed in that time's order, then by
 * name. Files whose name carries no such time (hand-made or renamed) come first, in the order
 * given and walked.
 */
public final class TrailFiles {
  private static final Pattern CLOUDTRAIL_TIME = Pattern.compile("_CloudTrail_[^_/]+_(\\d{8}T\\d{4}Z)_[^/]*$");

  private final Supplier<S3Client> s3;
  private final LocalDate since;
  private final LocalDate until;
  private final BiConsumer<String, String> failed;

  /**
   * @param s3 the client for {@code s3://} paths, made on first use
   * @param since the first day folder listed in S3 (null: no bound)
   * @param until the last day folder listed in S3 (null: no bound)
   * @param failed told a path that cannot be listed or walked and why; the others go on
   */
  public TrailFiles(Supplier<S3Client> s3, LocalDate since, LocalDate until, BiConsumer<String, String> failed) {
    this.s3 = Objects.requireNonNull(s3, "s3 == null");
    this.since = since;
    this.until = until;
    this.failed = Objects.requireNonNull(failed, "failed == null");
  }

  /** The files of {@code paths}, in replay order. A local path that does not exist throws. */
  public List<TrailFile> list(List<String> paths) throws IOException {
    List<TrailFile> files = new ArrayList<>();
    S3Client client = null;
    for (String path : paths) {
      if (path.startsWith("s3://")) {
        if (client == null) client = s3.get();
        files.addAll(s3Files(client, path));
      } else {
        files.addAll(localFiles(Path.of(path)));
      }
    }
    return ordered(files);
  }

  /** Unnamed-time files first as given, then by CloudTrail time and name. */
  static List<TrailFile> ordered(List<TrailFile> files) {
    return inReplayOrder(files, TrailFile::name);
  }

  /**
   * {@code files} in the order a replay reads them, each known by {@code name} (as in {@link
   * TrailFile#name()}): for a job that lists the files itself, such as the Spark job.
   */
  public static <T> List<T> inReplayOrder(List<T> files, Function<T, String> name) {
    List<T> ordered = new ArrayList<>();
    List<T> timed = new ArrayList<>();
    for (T file : files) (time(name.apply(file)) == null ? ordered : timed).add(file);
    timed.sort(Comparator.comparing((T f) -> time(name.apply(f))).thenComparing(name));
    ordered.addAll(timed);
    return ordered;
  }

  /** {@code 20240301T1005Z} of a CloudTrail file name, or null. */
  static String time(String name) {
    Matcher m = CLOUDTRAIL_TIME.matcher(name);
    return m.find() ? m.group(1) : null;
  }

  private List<TrailFile> s3Files(S3Client client, String uri) {
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    List<TrailFile> files = new ArrayList<>();
    TrailListing listing = new TrailListing(client, bucket, (folder, why) -> failed.accept("s3://" + bucket + "/" + folder, why));
    for (S3Object object : listing.logFiles(prefix, since, until)) {
      files.add(new TrailFile.S3(client, bucket, object.key(), object.eTag(), object.size()));
    }
    return files;
  }

  private List<TrailFile> localFiles(Path path) throws IOException {
    if (!Files.exists(path)) throw new NoSuchFileException(path.toString());
    if (!Files.isDirectory(path)) return List.of(new TrailFile.Local(path, Files.size(path)));
    List<TrailFile> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path file : walk.filter(TrailFiles::isLogFile).sorted().toList()) {
        files.add(new TrailFile.Local(file, Files.size(file)));
      }
    } catch (UncheckedIOException e) {
      failed.accept(path.toString(), "cannot walk the directory: " + describe(e.getCause()));
    }
    return files;
  }

  /** A log file in a walked directory: JSON, gzipped or not, and no digest. */
  private static boolean isLogFile(Path file) {
    return Files.isRegularFile(file) && isLogFileName(file.getFileName().toString());
  }

  /** Whether a walked file of this name is replayed: {@code .json} or {@code .json.gz}, and no digest file. */
  public static boolean isLogFileName(String name) {
    return (name.endsWith(".json") || name.endsWith(".json.gz")) && !name.contains("_CloudTrail-Digest_");
  }

  /** The JDK's file errors say only the path or the reason: say what happened, in words. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException missing) return "no such file or directory: " + missing.getFile();
    if (e instanceof AccessDeniedException denied) return "permission denied: " + denied.getFile();
    if (e instanceof FileSystemException failed && failed.getReason() != null) return failed.getFile() + ": " + failed.getReason();
    return String.valueOf(e.getMessage());
  }
}
