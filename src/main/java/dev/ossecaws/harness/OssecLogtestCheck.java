package dev.ossecaws.harness;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.cloudtrail.RecordLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Replays the sample cases through an ossec-logtest of the user's (OSSEC's own binary on a manager
 * with the ruleset installed, or a wrapper taking its options), one process per case as one
 * session, and checks each event's report: its decoder, rule id and level against the case's
 * expectation, its whole text against the case's approved report.
 *
 * <p>Two things of the report are not the ruleset's doing, and are treated apart. Phase 1's host
 * name of a line without one (all CloudTrail lines) is the machine's name, so the binary's is read
 * as {@link EngineReplay#HOSTNAME}, which the approved reports carry. And ossec-logtest times
 * events by its own clock: a case's records after a {@code secondsLater} gap would reach it in the
 * same second as the ones before, so they are not sent, and the result says which they are.
 */
public final class OssecLogtestCheck {
  private static final String HOSTNAME_LINE = "\n       hostname: '";

  private final Supplier<ProcessBuilder> command;

  /** {@code command} makes a new process builder for each case's session. */
  public OssecLogtestCheck(Supplier<ProcessBuilder> command) {
    this.command = Objects.requireNonNull(command, "command == null");
  }

  /**
   * How one case fared.
   *
   * @param result the events compared and what differed in them
   * @param notCompared the events the binary's clock cannot replay and why, null when none
   * @param eventsNotCompared how many those are
   */
  public record Result(CaseResult result, String notCompared, int eventsNotCompared) {}

  /**
   * Every case under {@code samples}. A binary that fails before any report (missing
   * configuration, no root for its chroot) stops the run: every case would fail alike.
   */
  public List<Result> run(Path samples) throws IOException {
    List<Result> results = new ArrayList<>();
    for (Path file : CaseFile.list(samples)) results.add(runCase(file));
    return results;
  }

  private Result runCase(Path file) throws IOException {
    SampleCase sample;
    try {
      sample = CaseFile.read(file);
    } catch (CaseException e) {
      return new Result(new CaseResult(file, 0, List.of(), List.of(e.detail())), null, 0);
    }
    List<SampleCase.Event> events = sample.events();
    int sent = firstGap(events);
    List<String> lines = events.subList(0, sent).stream().map(e -> RecordLine.of(e.record())).toList();
    ProcessBuilder session = command.get();
    LogtestProcess.Ended ended = LogtestProcess.run(session, lines);
    List<String> reports = ended.parsed().events();
    if (reports.isEmpty() && ended.exitCode() != 0) {
      throw new IOException(session.command().get(0) + " exited with status " + ended.exitCode()
          + " before reading any log line: " + ended.lastLine());
    }
    List<String> problems = new ArrayList<>();
    if (ended.exitCode() != 0) problems.add("exited with status " + ended.exitCode() + ": " + ended.lastLine());
    if (reports.size() != sent) problems.add(reports.size() + " reports for " + sent + " log lines");
    List<String> approved = approvedReports(file, events.size(), problems);
    List<Integer> expectedRules = new ArrayList<>();
    for (int i = 0; i < Math.min(sent, reports.size()); i++) {
      Expectation expect = events.get(i).expect();
      if (expect.rule() != null) expectedRules.add(expect.rule());
      String report = withHostname(reports.get(i), EngineReplay.HOSTNAME);
      for (String difference : ReportVerdict.of(report).differences(expect)) {
        problems.add("event " + (i + 1) + ": " + difference);
      }
      if (i < approved.size() && !report.equals(approved.get(i))) {
        problems.add("event " + (i + 1) + ": " + firstDifference(report, approved.get(i)));
      }
    }
    CaseResult result = new CaseResult(file, sent, expectedRules, problems);
    if (sent == events.size()) return new Result(result, null, 0);
    return new Result(result, notCompared(events, sent), events.size() - sent);
  }

  /** The index of the first event that comes later than the one before it, or the event count. */
  private static int firstGap(List<SampleCase.Event> events) {
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).secondsLater() > 0) return i;
    }
    return events.size();
  }

  private static String notCompared(List<SampleCase.Event> events, int gap) {
    String which = gap + 1 == events.size() ? "event " + events.size() : "events " + (gap + 1) + "-" + events.size();
    return which + " not compared: event " + (gap + 1) + " comes " + events.get(gap).secondsLater()
        + " s after event " + gap + ", and ossec-logtest times events by its own clock";
  }

  /** The approved report's events; none, with the problem said, when it is missing or stale. */
  private static List<String> approvedReports(Path file, int events, List<String> problems) throws IOException {
    Path approved = Golden.approved(file);
    if (!Files.exists(approved)) {
      problems.add("no approved report " + approved.getFileName() + " to compare with (ossec-aws test writes it)");
      return List.of();
    }
    List<String> reports = LogtestOutput.parse(new String(Files.readAllBytes(approved), ISO_8859_1)).events();
    if (reports.size() == events) return reports;
    problems.add(approved.getFileName() + " has " + reports.size() + " reports for " + events + " events");
    return List.of();
  }

  /** {@code report} with Phase 1's host name replaced by {@code hostname}. */
  static String withHostname(String report, String hostname) {
    int start = report.indexOf(HOSTNAME_LINE);
    if (start < 0) return report;
    start += HOSTNAME_LINE.length();
    int end = report.indexOf("'\n", start);
    return end < 0 ? report : report.substring(0, start) + hostname + report.substring(end);
  }

  private static String firstDifference(String report, String approved) {
    List<String> got = report.lines().toList();
    List<String> want = approved.lines().toList();
    int line = Golden.firstDifferentLine(approved, report);
    return "line " + line + " of its report is " + lineOrEnd(got, line) + ", approved " + lineOrEnd(want, line);
  }

  private static String lineOrEnd(List<String> lines, int number) {
    return number <= lines.size() ? "'" + lines.get(number - 1).strip() + "'" : "its end";
  }
}
