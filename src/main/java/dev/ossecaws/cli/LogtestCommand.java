package dev.ossecaws.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.engine.Clock;
import dev.ossecaws.engine.ConfigException;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.output.JsonReport;
import dev.ossecaws.output.LogtestReport;
import dev.ossecaws.output.ReportBuffer;
import dev.ossecaws.output.RuleReport;
import dev.ossecaws.output.UnitTestReport;
import dev.ossecaws.predecode.LineReader;
import dev.ossecaws.rule.Firing;
import dev.ossecaws.rule.RuleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ossec-aws logtest}: OSSEC 4.3.0's {@code ossec-logtest}, answering byte for byte, with
 * its options parsed the same way ({@code -qD dir}, {@code -cfile}).
 *
 * <p>Differences, all deliberate: everything OSSEC prints to stderr (start-up lines, the report)
 * goes to stdout (with {@code --format json}, the log lines go to stderr so stdout is JSON alone),
 * and errors go to stderr; {@code -c} defaults to {@code <-D>/etc/ossec.conf};
 * {@code -h} and {@code -V} print OSSEC's texts while {@code --help} and {@code --version} print
 * ours. Exit codes are OSSEC's: 0, 1 for a command line or configuration OSSEC refuses; our own
 * options' mistakes are usage errors (2), told in one line.
 */
@Command(
    name = "logtest",
    description = "Evaluate log lines from stdin like OSSEC 4.3.0's ossec-logtest.",
    sortOptions = false)
public final class LogtestCommand implements Callable<Integer>, CommandLine.IParameterExceptionHandler {
  static final int EXIT_REFUSED = 1;
  /**
   * OSSEC's getopt names the program by its argv[0]; we name the program we answer for, as {@code
   * -h} and {@code -V} print its texts unchanged: the line then reads as ossec-logtest's own when
   * run from its bin directory or the PATH.
   */
  static final String OSSEC_PROGRAM = "ossec-logtest";
  private static final DateTimeFormatter LOG_STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss ");
  private static final String QUIETED = "ossec-testrule: INFO: Reading decoder file ";
  /** Reports go out in writes of about this many bytes. */
  private static final int FLUSH_AT = 64 * 1024;

  @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
  boolean usageHelp;

  @Option(names = "--version", versionHelp = true, description = "Print ossec-aws's version and exit.")
  boolean versionHelp;

  @Option(names = "-V", description = "Print OSSEC's version block and exit.")
  boolean ossecVersion;

  @Option(names = "-h", description = "Print OSSEC's help block and exit.")
  boolean ossecHelp;

  @Option(names = "-d", description = "Debug level (repeatable); accepted, prints nothing more.")
  boolean[] debug = new boolean[0];

  @Option(names = "-t", description = "Load the configuration and exit.")
  boolean testConfiguration;

  @Option(names = "-a", description = "Alert output instead of the phase report.")
  boolean alerts;

  @Option(names = "-v", description = "Verbose: the rule-debugging trace.")
  boolean verbose;

  @Option(names = "-q", description = "Quiet: no 'Reading decoder file' lines.")
  boolean quiet;

  @Option(names = "-c", paramLabel = "config", description = "ossec.conf (default: <dir>/etc/ossec.conf).")
  Path config;

  @Option(names = "-D", paramLabel = "dir", description = "OSSEC home (default: /var/ossec).")
  Path home;

  @Option(names = "-U", paramLabel = "rule:alert:decoder", description = "Unit test: the expected rule id, level and decoder.")
  String unitTest;

  @Option(names = "--hostname", paramLabel = "NAME", description = "Host name of lines without one (default: this machine's short name).")
  String hostname;

  @Option(
      names = "--clock",
      paramLabel = "CLOCK",
      description = "Event time: wall (default), fixed:<ISO-8601 date-time> or event (the log's own stamp).")
  String clock = "wall";

  @Option(names = "--ruleset", paramLabel = "DIR", description = "Also load DIR/decoders/*.xml and DIR/rules/*.xml; alone, with OSSEC's defaults.")
  Path ruleset;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default, ossec-logtest's report) or json (one object per event).")
  String format = "text";

  @Spec CommandLine.Model.CommandSpec spec;

  private final InputStream in;
  private final OutputStream out;
  private final OutputStream err;

  public LogtestCommand() {
    this(System.in, System.out, System.err);
  }

  LogtestCommand(InputStream in, OutputStream out, OutputStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    if (ossecVersion || ossecHelp) {
      OssecGetopt.Stop first = OssecGetopt.firstStop(
          ownArguments(spec.commandLine(), spec.commandLine().getParseResult().originalArgs()), spec);
      return printNow(out, first.reason() == OssecGetopt.Reason.VERSION ? OssecTexts.VERSION : OssecTexts.HELP, 0);
    }
    ReportBuffer report = new ReportBuffer(2 * FLUSH_AT);
    try {
      return run(report);
    } finally {
      report.writeTo(out);
      out.flush();
    }
  }

  /**
   * Reports go into {@code report}, which goes to stdout whenever it passes {@link #FLUSH_AT}.
   * With {@code --format json} the log lines go to stderr, each event's as one write.
   */
  private int run(ReportBuffer report) throws IOException {
    if (!format.equals("text") && !format.equals("json")) {
      return usageError("bad --format '" + format + "': expected text or json");
    }
    Clock eventClock;
    try {
      eventClock = Clock.parse(clock);
    } catch (IllegalArgumentException e) {
      return usageError(e.getMessage());
    }
    UnitTestReport.Expected expected = null;
    if (unitTest != null) {
      expected = UnitTestReport.Expected.parse(unitTest);
      if (expected == null) {
        ReportBuffer malformed = new ReportBuffer(256);
        logLines(malformed, eventClock, List.of(UnitTestReport.MALFORMED));
        malformed.writeTo(err);
        return EXIT_REFUSED;
      }
    }
    boolean json = format.equals("json");
    // JSON goes to scripts: OSSEC's log lines would break it, so they go to stderr beside errors.
    ReportBuffer logs = json ? new ReportBuffer(4096) : report;
    OutputStream logStream = json ? err : out;
    List<String> startup = new ArrayList<>();
    Engine engine;
    try {
      Engine.Builder builder =
          Engine.builder().config(managerConfig()).clock(eventClock).traceRules(verbose && !alerts);
      if (hostname != null) builder.hostname(byteString(hostname));
      engine = builder.load(startup::add);
    } catch (ConfigException e) {
      return refused(logs, logStream, eventClock, startup, e.ossecMessages(), e.getMessage());
    } catch (DecoderException e) {
      return refused(logs, logStream, eventClock, startup, e.lines(), e.getMessage());
    } catch (RuleException e) {
      return refused(logs, logStream, eventClock, startup, e.ossecLines(), e.getMessage());
    }
    logLines(logs, eventClock, startup);
    if (!testConfiguration) {
      logLines(logs, eventClock, List.of("ossec-testrule: INFO: Started (pid: " + ProcessHandle.current().pid() + ")."));
    }
    if (json) logs.writeTo(err);
    if (testConfiguration) return 0;
    if (!alerts && !json) report.append(LogtestReport.SESSION_START);
    LineReader lines = new LineReader(in);
    int exit = 0;
    int alertCount = 0;
    for (String line = lines.next(); line != null; line = lines.next()) {
      Verdict verdict = engine.process(line);
      Verdict.Ruled ruled = verdict.ruled();
      String stamp = ruled.messages().isEmpty() && ruled.trailingMessages().isEmpty() ? "" : stamp(eventClock);
      Firing firing = ruled.firing();
      if (json) {
        LogtestReport.logLines(logs, stamp, ruled.messages());
        JsonReport.write(report, verdict);
        LogtestReport.logLines(logs, stamp, ruled.trailingMessages());
        if (logs.length() > 0) logs.writeTo(err);
      } else if (alerts) {
        if (verdict.decoded().accumulated()) report.append(LogtestReport.ACCUMULATED);
        LogtestReport.logLines(report, stamp, ruled.messages());
        if (firing != null && firing.alert()) RuleReport.alert(report, firing, ruled.alerted(), ++alertCount);
        LogtestReport.logLines(report, stamp, ruled.trailingMessages());
      } else {
        LogtestReport.write(report, verdict, stamp);
      }
      if (expected != null) {
        UnitTestReport unit = UnitTestReport.of(expected, verdict.decoded().decoderName(), firing);
        unit.write(report);
        if (unit.code() == UnitTestReport.NO_RULE) {
          logLines(report, eventClock, List.of(unit.noRuleMessage()));
          return UnitTestReport.NO_RULE;
        }
        exit = unit.code();
        if (exit == 0) report.append("0\n");
      }
      if (report.length() >= FLUSH_AT) report.writeTo(out);
    }
    return exit;
  }

  /**
   * A command line picocli refuses: where getopt would stop first, OSSEC's answer (its texts, or
   * getopt's line and the help block on stderr, exit 1); else our one-line usage error.
   */
  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) throws IOException {
    OssecGetopt.Stop stop = OssecGetopt.firstStop(ownArguments(e.getCommandLine(), List.of(args)), spec);
    if (stop == null) return usageError(e.getMessage());
    return switch (stop.reason()) {
      case VERSION -> printNow(out, OssecTexts.VERSION, 0);
      case HELP -> printNow(out, OssecTexts.HELP, 0);
      case INVALID_OPTION ->
          printNow(err, OSSEC_PROGRAM + ": invalid option -- '" + stop.detail() + "'\n" + OssecTexts.HELP, EXIT_REFUSED);
      case MISSING_ARGUMENT -> printNow(err,
          OSSEC_PROGRAM + ": option requires an argument -- '" + stop.detail() + "'\n" + OssecTexts.HELP, EXIT_REFUSED);
      case BAD_LONG_OPTION -> usageError(stop.detail());
    };
  }

  /** Picocli hands a subcommand's handlers the whole command line: the arguments after its name. */
  private static List<String> ownArguments(CommandLine command, List<String> all) {
    return command.getParent() == null ? all : all.subList(all.indexOf(command.getCommandName()) + 1, all.size());
  }

  private int usageError(String message) throws IOException {
    return printNow(err, spec.name() + ": " + message + "\n", Main.EXIT_USAGE);
  }

  private static int printNow(OutputStream stream, String text, int exit) throws IOException {
    stream.write(text.getBytes(ISO_8859_1));
    stream.flush();
    return exit;
  }

  /** OSSEC's time stamp of a log line written now. */
  private static String stamp(Clock eventClock) {
    return LOG_STAMP.format(eventClock.timeOf(""));
  }

  /**
   * The command line's text as a byte string, as the report wrote it: what ISO-8859-1 lacks
   * becomes '?'.
   */
  private static String byteString(String text) {
    return new String(text.getBytes(ISO_8859_1), ISO_8859_1);
  }

  private ManagerConfig managerConfig() throws ConfigException, IOException {
    return ManagerOptions.of(home, config, ruleset);
  }

  /**
   * The start-up lines where log lines go, then OSSEC's error lines and where the fault is on
   * stderr (through the same buffer, emptied first); exit 1 as OSSEC.
   */
  private int refused(
      ReportBuffer logs, OutputStream logStream, Clock eventClock, List<String> startup, List<String> ossecLines,
      String where) throws IOException {
    logLines(logs, eventClock, startup);
    logs.writeTo(logStream);
    logStream.flush();
    logLines(logs, eventClock, ossecLines);
    logs.append((spec.name() + ": " + where + "\n").getBytes(ISO_8859_1));
    logs.writeTo(err);
    err.flush();
    return EXIT_REFUSED;
  }

  /**
   * OSSEC's log lines: local time stamp, then the text. These are text, not byte strings (paths
   * from the command line): encoded, '?' for what ISO-8859-1 lacks.
   */
  private void logLines(ReportBuffer logs, Clock eventClock, List<String> messages) {
    String stamp = stamp(eventClock);
    for (String message : messages) {
      if (quiet && message.startsWith(QUIETED)) continue;
      logs.append((stamp + message + "\n").getBytes(ISO_8859_1));
    }
  }
}
