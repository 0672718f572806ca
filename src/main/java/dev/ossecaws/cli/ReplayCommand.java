package dev.ossecaws.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.replay.AlertLine;
import dev.ossecaws.replay.BaselineComparison;
import dev.ossecaws.replay.BaselineRuleset;
import dev.ossecaws.replay.ReplayListener;
import dev.ossecaws.replay.ReplayRecord;
import dev.ossecaws.replay.ReplaySummary;
import dev.ossecaws.replay.Replayer;
import dev.ossecaws.replay.TrailFile;
import dev.ossecaws.replay.TrailFiles;
import dev.ossecaws.report.HtmlReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code ossec-aws replay PATH...}: CloudTrail history through the ruleset, and what a ruleset change does to it. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Evaluates every record of CloudTrail log files against the ruleset, records of each file in order"
          + " and files in the time order of their CloudTrail names, each evaluated at its eventTime, and"
          + " prints a summary: records, alerts per level, the top rules.",
      "PATH: a .json or .json.gz log file, a directory (walked; digest files skipped), or"
          + " s3://BUCKET[/PREFIX] (the trail's AWSLogs/ day folders under PREFIX, from --since through --until).",
      "With --threads 1 all records go through one session, as one manager fed the whole trail; with"
          + " more, one session per account and region, so correlation never crosses them.",
      "With --baseline REF, the same records also go through the ruleset as REF holds it (a git revision"
          + " of this checkout, or a directory), and the rules and records whose alerts differ are listed.",
      "--alerts writes the alerts as JSON lines (for Filebeat or Logstash), --report as one HTML page.",
      "Exit code: 0 done, 1 some input was skipped (reported on stderr with its file and record),"
          + " 2 bad usage or an unusable ruleset, 3 --fail-on-change found a change at or above its level."
    })
final class ReplayCommand implements Callable<Integer> {
  static final int EXIT_CHANGED = 3;
  /**
   * Made on first use: picocli instantiates every subcommand at start-up, and an ObjectMapper built
   * then cost every command (a one-line logtest too) a fifth of its start.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Log files, directories, s3://BUCKET[/PREFIX].")
  List<String> paths;

  @Mixin ManagerOptions manager;

  @Option(names = "--baseline", paramLabel = "REF",
      description = "Also replay through the ruleset at REF (git revision of the checkout, or a directory) and list what differs.")
  String baseline;

  @Option(names = "--fail-on-change", paramLabel = "LEVEL",
      description = "With --baseline: exit 3 when an alert of LEVEL or above appears, disappears or changes.")
  Integer failOnChange;

  @Option(names = "--alerts", paramLabel = "FILE", description = "Write every alert to FILE, one JSON object per line.")
  Path alerts;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "Also write one self-contained HTML page: alerts per rule, over time by group, per level,"
          + " top principals, addresses, accounts and regions, the highest-level alerts; with --baseline, the"
          + " before and after of each rule.")
  Path report;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "The summary on stdout: text (default) or json.")
  String format;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rules in the text summary (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--threads", paramLabel = "N", description = "Threads evaluating (default: the cores, here ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--hostname", paramLabel = "NAME", description = "Host name the events get (default: this machine's short name, as logtest).")
  String hostname;

  @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "" + RecordLine.DEFAULT_MAX_BYTES,
      description = "The longest line, as fetch writes them (default ${DEFAULT-VALUE}).")
  int maxLineBytes;

  @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "s3:// paths: the first day folder.")
  LocalDate since;

  @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "s3:// paths: the last day folder.")
  LocalDate until;

  @Mixin S3Options s3Options;

  @Override
  public Integer call() throws Exception {
    checkUsage();
    PrintWriter err = spec.commandLine().getErr();
    Problems problems = new Problems(err, System.console() != null);
    List<S3Client> clients = new ArrayList<>();
    try (BaselineRuleset before = baseline == null ? null : BaselineRuleset.of(baseline, ruleset())) {
      List<Engine> rulesets = new ArrayList<>();
      rulesets.add(load(managerConfig(ruleset())));
      if (before != null) rulesets.add(load(managerConfig(before.directory())));
      TrailFiles trailFiles = new TrailFiles(() -> {
        S3Client s3 = s3Options.client();
        clients.add(s3);
        return s3;
      }, since, until, problems::listingFailed);
      List<TrailFile> files = trailFiles.list(paths);
      problems.total(files);

      ReplaySummary summary = new ReplaySummary();
      BaselineComparison comparison = before == null ? null : new BaselineComparison(rulesets.get(1), rulesets.get(0));
      List<ReplayListener> listeners = new ArrayList<>(List.of(summary, problems));
      if (comparison != null) listeners.add(comparison);
      long start = System.nanoTime();
      HtmlReport page = report == null ? null : new HtmlReport("ossec-aws replay of "
          + (paths.size() == 1 ? paths.get(0) : paths.size() + " paths"));
      try (Alerts alertLines = new Alerts(alerts, page)) {
        listeners.add(alertLines);
        new Replayer(rulesets, threads, maxLineBytes).run(files, ReplayListener.all(listeners));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      problems.finish();
      if (page != null) {
        page.records(summary.records());
        if (comparison != null) page.comparison(comparison.rules());
        page.write(report);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      printSummary(summary, comparison, seconds);
      if (comparison != null && failOnChange != null && comparison.changedAtOrAbove(failOnChange)) return EXIT_CHANGED;
      return problems.any() || summary.anySkipped() ? Main.EXIT_FAILURES : 0;
    } finally {
      clients.forEach(S3Client::close);
    }
  }

  private void checkUsage() {
    if (!format.equals("text") && !format.equals("json")) usage("bad --format '" + format + "': expected text or json");
    if (threads < 1) usage("--threads must be at least 1: " + threads);
    if (failOnChange != null && baseline == null) usage("--fail-on-change needs --baseline");
    if (failOnChange != null && (failOnChange < 0 || failOnChange > 16)) usage("--fail-on-change LEVEL must be 0 to 16: " + failOnChange);
    if (baseline != null && manager.ruleset == null && (manager.home != null || manager.config != null)) {
      usage("--baseline compares rulesets: name the one to compare with --ruleset");
    }
    if (since != null && until != null && until.isBefore(since)) usage("--until " + until + " is before --since " + since);
    FetchCommand.checkMaxLineBytes(spec, maxLineBytes);
  }

  private void usage(String message) {
    throw new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** The ruleset replayed: --ruleset, else ruleset/ unless -D or -c name a manager's whole configuration. */
  private Path ruleset() {
    if (manager.ruleset != null) return manager.ruleset;
    return manager.home == null && manager.config == null ? Path.of("ruleset") : null;
  }

  private ManagerConfig managerConfig(Path ruleset) throws Exception {
    return ManagerOptions.of(manager.home, manager.config, ruleset);
  }

  private Engine load(ManagerConfig config) throws Exception {
    Engine.Builder builder = Engine.builder().config(config);
    if (hostname != null) builder.hostname(hostname);
    return builder.load(message -> {});
  }

  private void printSummary(ReplaySummary summary, BaselineComparison comparison, double seconds) {
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      ObjectNode root = summary.json(seconds);
      if (comparison != null) root.set("baseline", comparison.json());
      out.println(root);
    } else {
      out.print(summary.text(top, seconds));
      if (comparison != null) out.print(comparison.text());
    }
    out.flush();
  }

  /**
   * The working tree's alerts, each made into its line once: to the alerts file as JSON lines,
   * flushed after each file so a crash keeps what was done, and to the report page.
   */
  private static final class Alerts implements ReplayListener, AutoCloseable {
    private final OutputStream out;
    private final HtmlReport page;

    /** {@code file} and {@code page} may be null (no --alerts, no --report). */
    Alerts(Path file, HtmlReport page) throws IOException {
      this.out = file == null ? null : new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      this.page = page;
    }

    @Override
    public void evaluated(ReplayRecord record, List<Verdict> verdicts) {
      Verdict verdict = verdicts.get(0);
      if ((out == null && page == null) || !AlertLine.isAlert(verdict)) return;
      ObjectNode line = AlertLine.of(verdict, record);
      if (page != null) page.alert(line);
      if (out == null) return;
      try {
        out.write(Json.MAPPER.writeValueAsBytes(line));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void recordSkipped(ReplayRecord record, String why) {}

    @Override
    public void fileFinished(TrailFile file, String fault) {
      if (out == null) return;
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      if (out != null) out.close();
    }
  }

  /** Skipped input on stderr as it comes, and a progress line when stderr is a terminal. */
  private static final class Problems implements ReplayListener {
    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int listingFailures;
    private int files;
    private int filesDone;
    private long bytes;
    private long bytesDone;
    private long records;
    private long lastProgress;
    private boolean progressShown;

    Problems(PrintWriter err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    void listingFailed(String where, String why) {
      listingFailures++;
      print(where + ": " + why);
    }

    void total(List<TrailFile> all) {
      files = all.size();
      bytes = all.stream().mapToLong(TrailFile::size).sum();
    }

    boolean any() {
      return listingFailures > 0;
    }

    @Override
    public void evaluated(ReplayRecord record, List<Verdict> verdicts) {
      records++;
      if (terminal && (records & 1023) == 0) progress();
    }

    @Override
    public void recordSkipped(ReplayRecord record, String why) {
      print(record + ": " + why);
    }

    @Override
    public void fileFinished(TrailFile file, String fault) {
      filesDone++;
      bytesDone += file.size();
      if (fault != null) print(file.name() + ": " + fault);
      if (terminal) progress();
    }

    void finish() {
      if (progressShown) err.print("\r\033[K");
      err.flush();
    }

    private void progress() {
      long now = System.nanoTime();
      if (now - lastProgress < 200_000_000L) return;
      lastProgress = now;
      double seconds = Math.max(now - start, 1) / 1e9;
      String eta = bytesDone == 0 ? "?" : String.format(Locale.ROOT, "%.0f s", seconds * (bytes - bytesDone) / bytesDone);
      err.printf(Locale.ROOT, "\r%d/%d files, %d records, %.0f records/s, ETA %s ", filesDone, files, records,
          records / seconds, eta);
      err.flush();
      progressShown = true;
    }

    private void print(String line) {
      if (progressShown) {
        err.print("\r\033[K");
        progressShown = false;
      }
      err.println("replay: " + line);
      err.flush();
    }
  }
}
