package dev.ossecaws.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * logtest's command line: ossec-logtest's options as glibc's getopt reads them (spec/logtest-output.md
 * §1: optstring {@code VatvdhU:D:c:q}, in order, clustered, an argument attached or the next one;
 * {@code --} ends them), and our long options ({@code --name VALUE} or {@code --name=VALUE}).
 *
 * <p>Read here, not by picocli as every other command is: picocli's first command line (its own
 * start and its model, by reflection) took 100 to 110 ms of a one-line logtest's 0.4 s (measured
 * 2026-12-02, from the class-loading log). picocli still prints logtest's help, from {@link
 * #helpSpec}, made of the same table.
 */
final class LogtestOptions {
  static final String NAME = "logtest";
  static final String DESCRIPTION = "Evaluate log lines from stdin like OSSEC 4.3.0's ossec-logtest.";
  private static final String FLAGS = "Vatvdhq";
  private static final String WITH_ARGUMENT = "UDc";

  /** One option: its name, its value's label (null for a flag), what it does, whether its value is a path. */
  private record Option(String name, String label, String description, boolean path) {
    Option(String name, String label, String description) {
      this(name, label, description, false);
    }
  }

  /** In the order {@code --help} lists them. */
  private static final List<Option> OPTIONS = List.of(
      new Option("--help", null, "Show this help message and exit."),
      new Option("--version", null, "Print ossec-aws's version and exit."),
      new Option("-V", null, "Print OSSEC's version block and exit."),
      new Option("-h", null, "Print OSSEC's help block and exit."),
      new Option("-d", null, "Debug level (repeatable); accepted, prints nothing more."),
      new Option("-t", null, "Load the configuration and exit."),
      new Option("-a", null, "Alert output instead of the phase report."),
      new Option("-v", null, "Verbose: the rule-debugging trace."),
      new Option("-q", null, "Quiet: no 'Reading decoder file' lines."),
      new Option("-c", "config", "ossec.conf (default: <dir>/etc/ossec.conf).", true),
      new Option("-D", "dir", "OSSEC home (default: /var/ossec).", true),
      new Option("-U", "rule:alert:decoder", "Unit test: the expected rule id, level and decoder."),
      new Option("--hostname", "NAME", "Host name of lines without one (default: this machine's short name)."),
      new Option("--clock", "CLOCK",
          "Event time: wall (default), fixed:<ISO-8601 date-time> or event (the log's own stamp)."),
      new Option("--ruleset", "DIR", "Also load DIR/decoders/*.xml and DIR/rules/*.xml; alone, with OSSEC's defaults.",
          true),
      new Option("--format", "FORMAT", "text (default, ossec-logtest's report) or json (one object per event)."));

  /** Why the reading stopped before the run: {@code detail} is the option letter, or our message. */
  record Stop(Reason reason, String detail) {}

  enum Reason {
    /** {@code -V}: OSSEC's version block. */
    VERSION,
    /** {@code -h}: OSSEC's help block. */
    HELP,
    /** getopt's "invalid option". */
    INVALID_OPTION,
    /** getopt's "option requires an argument". */
    MISSING_ARGUMENT,
    /** Our own options' mistakes, and what getopt would read but logtest has no use for. */
    USAGE,
    /** {@code --help}. */
    USAGE_HELP,
    /** {@code --version}. */
    VERSION_HELP
  }

  private final Map<String, String> values = new HashMap<>();

  private LogtestOptions() {}

  boolean testConfiguration() {
    return values.containsKey("-t");
  }

  boolean alerts() {
    return values.containsKey("-a");
  }

  boolean verbose() {
    return values.containsKey("-v");
  }

  boolean quiet() {
    return values.containsKey("-q");
  }

  Path config() {
    return path("-c");
  }

  Path home() {
    return path("-D");
  }

  Path ruleset() {
    return path("--ruleset");
  }

  /** {@code -U}'s text, or null. */
  String unitTest() {
    return values.get("-U");
  }

  String hostname() {
    return values.get("--hostname");
  }

  String clock() {
    return values.getOrDefault("--clock", "wall");
  }

  String format() {
    return values.getOrDefault("--format", "text");
  }

  private Path path(String name) {
    return values.containsKey(name) ? Path.of(values.get(name)) : null;
  }

  /** What reading a command line gave: its options, or why it stopped. */
  record Reading(LogtestOptions options, Stop stop) {}

  /**
   * Reads {@code args} in order. getopt's answers ({@code -V}, {@code -h}, its two errors) and a
   * long option's mistake end the reading where they are met, so the first of them decides; an
   * option given twice, an argument logtest has no use for or a path that cannot be one is told
   * only when the whole line reads without those.
   */
  static Reading read(List<String> args) {
    LogtestOptions options = new LogtestOptions();
    String later = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        if (later == null && i + 1 < args.size()) later = unexpected(args.get(i + 1));
        break;
      }
      if (arg.startsWith("--")) {
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg : arg.substring(0, equals);
        Option option = find(name);
        if (option == null) return stop(Reason.USAGE, unknown(name));
        String value = null;
        if (option.label == null && equals >= 0) return stop(Reason.USAGE, "option '" + name + "' takes no value");
        if (option.label != null) {
          if (equals >= 0) {
            value = arg.substring(equals + 1);
          } else if (++i == args.size()) {
            return stop(Reason.USAGE, "option '" + name + "' needs " + option.label + ": " + option.description);
          } else {
            value = args.get(i);
          }
        }
        if (later == null) later = options.take(option, value);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        for (int j = 1; j < arg.length(); j++) {
          char letter = arg.charAt(j);
          if (letter == 'V') return stop(Reason.VERSION, "V");
          if (letter == 'h') return stop(Reason.HELP, "h");
          Option option = find("-" + letter);
          if (WITH_ARGUMENT.indexOf(letter) >= 0) {
            String value;
            if (j + 1 < arg.length()) {
              value = arg.substring(j + 1);
            } else if (++i == args.size()) {
              return stop(Reason.MISSING_ARGUMENT, String.valueOf(letter));
            } else {
              value = args.get(i);
            }
            if (later == null) later = options.take(option, value);
            break;
          }
          if (FLAGS.indexOf(letter) < 0) return stop(Reason.INVALID_OPTION, String.valueOf(letter));
          if (later == null && letter != 'd') later = options.take(option, "");
        }
      } else if (later == null) {
        later = unexpected(arg);
      }
    }
    if (later != null) return stop(Reason.USAGE, later);
    if (options.values.containsKey("--help")) return stop(Reason.USAGE_HELP, "");
    if (options.values.containsKey("--version")) return stop(Reason.VERSION_HELP, "");
    return new Reading(options, null);
  }

  /** Records {@code option}'s value; the mistake to tell later, or null. */
  private String take(Option option, String value) {
    if (values.containsKey(option.name)) {
      return "option '" + option.name + "'" + (option.label == null ? "" : " (" + option.label + ")")
          + " should be specified only once";
    }
    if (option.path && !isPath(value)) {
      return "option '" + option.name + "' (" + option.label + "): not a path: '" + value + "'";
    }
    values.put(option.name, value);
    return null;
  }

  /** Whether {@code value} can be a path (a NUL byte makes it none). */
  private static boolean isPath(String value) {
    try {
      Path.of(value);
      return true;
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static String unexpected(String arg) {
    return "unexpected argument '" + arg + "': logtest reads its lines from stdin";
  }

  private static Reading stop(Reason reason, String detail) {
    return new Reading(null, new Stop(reason, detail));
  }

  private static Option find(String name) {
    for (Option option : OPTIONS) {
      if (option.name.equals(name)) return option;
    }
    return null;
  }

  private static String unknown(String name) {
    StringBuilder expected = new StringBuilder();
    for (Option option : OPTIONS) {
      if (!option.name.startsWith("--")) continue;
      expected.append(expected.length() == 0 ? "" : ", ").append(option.name);
      if (option.label != null) expected.append(' ').append(option.label);
    }
    return "unknown option '" + name + "': expected " + expected + " or ossec-logtest's -" + FLAGS + WITH_ARGUMENT;
  }

  /** logtest as picocli describes it in {@code ossec-aws --help} and prints it for {@code --help}. */
  static CommandSpec helpSpec() {
    CommandSpec spec = CommandSpec.create().name(NAME);
    spec.usageMessage().description(DESCRIPTION).sortOptions(false);
    for (Option option : OPTIONS) {
      OptionSpec.Builder builder = OptionSpec.builder(option.name).description(option.description);
      if (option.label == null) {
        builder.arity("0").type(boolean.class);
        if (option.name.equals("--help")) builder.usageHelp(true);
        if (option.name.equals("--version")) builder.versionHelp(true);
      } else {
        builder.paramLabel(option.label).type(String.class);
      }
      spec.addOption(builder.build());
    }
    return spec;
  }
}
