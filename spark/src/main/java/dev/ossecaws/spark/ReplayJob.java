package dev.ossecaws.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.Engine;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spark-submit --class dev.ossecaws.spark.ReplayJob ossec-aws-spark.jar --input PATH...
 * --ruleset DIR --alerts OUT}: {@code ossec-aws replay --threads N} on a cluster. The stages, in
 * order: list and order the files (driver), read them (executors), shuffle the records by account
 * and region and sort them into replay's order, one engine session per account and region, then
 * write the alerts and sum the summary.
 */
@Command(
    name = "ossec-aws-spark",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Evaluates every record of CloudTrail log files against the ruleset, as ossec-aws replay --threads N:"
          + " one session per account and region, each session's records in replay's order (files by the time"
          + " in their CloudTrail names, records in file order), each evaluated at its eventTime.",
      "PATH: a log file or a directory (walked; .json and .json.gz files, digest files skipped) on any"
          + " Hadoop file system: file://, hdfs://, s3a:// (s3:// on EMR).",
      "Exit code: 0 done, 1 some input was skipped (reported on stderr with its file and record),"
          + " 2 bad usage, an input path that does not exist, an existing output or an unusable ruleset."
    })
public final class ReplayJob implements Callable<Integer> {
  static final int EXIT_SKIPPED = 1;
  static final int EXIT_USAGE = 2;
  /** Input per Spark partition by default (see {@link #defaultPartitions}). */
  static final long INPUT_BYTES_PER_PARTITION = 64L << 20;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", paramLabel = "PATH", arity = "1..*", required = true,
      description = "Log files and directories (Hadoop paths).")
  List<String> inputs;

  @Option(names = "--ruleset", paramLabel = "DIR", required = true,
      description = "The ruleset (DIR/decoders/*.xml, DIR/rules/*.xml), read by the driver from any Hadoop path and shipped to the executors.")
  String ruleset;

  @Option(names = "--alerts", paramLabel = "OUT", required = true,
      description = "The directory to write the alerts to (must not exist): part files of JSON lines, or Parquet.")
  String alerts;

  @Option(names = "--format", paramLabel = "json|parquet", defaultValue = "json",
      description = "The alerts' format: json (default; replay's --alerts lines) or parquet.")
  String format;

  @Option(names = "--summary", paramLabel = "OUT",
      description = "Also write the summary (replay --format json's) to this file (must not exist).")
  String summary;

  @Option(names = "--hostname", paramLabel = "NAME",
      description = "Host name the events get (default: the driver machine's short name, as replay there).")
  String hostname;

  @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "" + RecordLine.DEFAULT_MAX_BYTES,
      description = "The longest line, as replay's option (default ${DEFAULT-VALUE}).")
  int maxLineBytes;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Spark partitions the sessions are spread over (default: one per 64 MiB of input, at least Spark's default parallelism).")
  Integer partitions;

  public static void main(String[] args) {
    int code = new CommandLine(new ReplayJob()).execute(args);
    scala.Option<SparkSession> session = SparkSession.getActiveSession();
    if (session.isDefined()) session.get().stop();
    System.exit(code);
  }

  @Override
  public Integer call() throws Exception {
    checkUsage();
    SparkSession spark = SparkSession.builder().appName("ossec-aws replay").getOrCreate();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = sc.hadoopConfiguration();
    PrintWriter err = spec.commandLine().getErr();
    String taken = firstExisting(conf, alerts, summary);
    if (taken != null) return usage(taken + " already exists: name a new path, so that nothing is overwritten");

    RulesetFiles rules;
    try {
      rules = RulesetFiles.read(ruleset, conf);
      rules = rules.withHostname(hostname != null ? hostname : fallbackHostname(rules.load()));
      rules.engine(); // loaded here first, so that a broken ruleset stops the job before any task
    } catch (IOException | IllegalArgumentException e) {
      return usage("unusable ruleset: " + e.getMessage());
    }

    long start = System.nanoTime();
    List<String> listingFailures = new ArrayList<>();
    List<InputFile> files;
    try {
      files = TrailInput.list(inputs, conf, (path, why) -> listingFailures.add(path + ": " + why));
    } catch (FileNotFoundException e) {
      return usage("no such file or directory: " + e.getMessage());
    }
    listingFailures.forEach(line -> err.println("replay: " + line));
    err.flush();

    Broadcast<SerializableConfiguration> hadoop = sc.broadcast(new SerializableConfiguration(conf));
    Broadcast<RulesetFiles> shipped = sc.broadcast(rules);
    int sessions = partitions != null ? partitions : defaultPartitions(files, sc.defaultParallelism());
    JavaRDD<Outcome> outcomes = sc.parallelize(files, Math.max(1, Math.min(files.size(), sc.defaultParallelism() * 4)))
        .flatMapToPair(new FileReading(hadoop))
        .repartitionAndSortWithinPartitions(new Slot.Partitioner(sessions), new Slot.Order())
        .mapPartitions(new PartitionSessions(shipped, maxLineBytes))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      writeAlerts(spark, outcomes.filter(Outcome::isAlert).map(Outcome::line));
      Tally tally = outcomes.aggregate(new Tally(), Tally::add, Tally::merge);
      for (String problem : tally.problems()) err.println("replay: " + problem);
      if (tally.problemCount() > tally.problems().size()) {
        err.println("replay: ... and " + (tally.problemCount() - tally.problems().size()) + " more skipped");
      }
      err.flush();
      ObjectNode json = tally.json(files.size(), (System.nanoTime() - start) / 1e9);
      if (summary != null) writeSummary(conf, json);
      spec.commandLine().getOut().println(json);
      spec.commandLine().getOut().flush();
      return listingFailures.isEmpty() && tally.problemCount() == 0 ? 0 : EXIT_SKIPPED;
    } finally {
      outcomes.unpersist(false);
      hadoop.destroy();
      shipped.destroy();
    }
  }

  /**
   * One Spark partition per {@value #INPUT_BYTES_PER_PARTITION} bytes of input, at least the
   * default parallelism: each partition's records are sorted in the task's memory before its
   * sessions run, and ten million records over two partitions (2 GB of gzip, 1.6 GB of shuffle
   * each) spilled, paused the driver's heartbeats past Spark's timeout and lost the job.
   */
  static int defaultPartitions(List<InputFile> files, int parallelism) {
    long bytes = 0;
    for (InputFile file : files) bytes += file.bytes();
    return (int) Math.max(parallelism, Math.min(Integer.MAX_VALUE, (bytes + INPUT_BYTES_PER_PARTITION - 1) / INPUT_BYTES_PER_PARTITION));
  }

  /** The host name the engine gives a line that names none: replay's on this machine. */
  private static String fallbackHostname(Engine engine) {
    return engine.newSession().process("ossec-aws-spark").predecoded().hostname();
  }

  private void checkUsage() {
    if (!format.equals("json") && !format.equals("parquet")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "bad --format '" + format + "': expected json or parquet");
    }
    if (maxLineBytes < RecordLine.MIN_MAX_BYTES) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--max-line-bytes must be at least " + RecordLine.MIN_MAX_BYTES + ": " + maxLineBytes);
    }
    if (partitions != null && partitions < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be at least 1: " + partitions);
    }
  }

  private int usage(String message) {
    spec.commandLine().getErr().println("ossec-aws-spark: " + message);
    spec.commandLine().getErr().flush();
    return EXIT_USAGE;
  }

  /** The first of {@code paths} (nulls skipped) that exists already, or null. */
  private static String firstExisting(Configuration conf, String... paths) throws IOException {
    for (String path : paths) {
      if (path == null) continue;
      Path p = new Path(path);
      if (p.getFileSystem(conf).exists(p)) return path;
    }
    return null;
  }

  /** JSON lines as replay writes them, or the same objects in Parquet under {@link AlertSchema}. */
  private void writeAlerts(SparkSession spark, JavaRDD<String> lines) {
    Dataset<String> json = spark.createDataset(lines.rdd(), Encoders.STRING());
    if (format.equals("json")) {
      json.write().text(alerts);
    } else {
      spark.read().schema(AlertSchema.SCHEMA).json(json).write().parquet(alerts);
    }
  }

  private void writeSummary(Configuration conf, ObjectNode json) throws IOException {
    Path path = new Path(summary);
    try (OutputStream out = path.getFileSystem(conf).create(path, false)) {
      out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }
}
