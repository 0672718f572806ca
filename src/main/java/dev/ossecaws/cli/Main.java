package dev.ossecaws.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ossec-aws} command: one picocli subcommand per job.
 *
 * <p>Exit codes shared by every subcommand: 0 success, 1 the job ran and found failures (failing
 * cases, lint findings, objects not fetched), 2 bad usage or unusable input (a message, never a
 * stack trace). A subcommand may document further codes of its own.
 */
@Command(
    name = "ossec-aws",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "OSSEC for Amazon AWS: ruleset, evaluator, test harness, CloudTrail fetcher, installer.")
public final class Main implements Callable<Integer> {
  static final int EXIT_FAILURES = 1;
  static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Every subcommand, in the order {@code ossec-aws --help} lists them. logtest is there by its
   * description alone ({@link LogtestOptions}): it reads its own command line, run by {@link #execute}.
   */
  private static final List<Class<?>> SUBCOMMANDS = List.of(
      CommandLine.HelpCommand.class,
      CloudTrailCommand.class,
      LintCommand.class,
      CoverageCommand.class,
      LogtestOptions.class,
      TestCommand.class,
      InstallCommand.class,
      UninstallCommand.class,
      BenchCommand.class,
      ReplayCommand.class);

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs {@code args}; the exit code. A one-line logtest pays for no picocli command line. */
  static int execute(String... args) {
    if (args.length == 0 || !args[0].equals(LogtestOptions.NAME)) return commandLineFor(args).execute(args);
    try {
      return new LogtestCommand().run(List.of(args).subList(1, args.length));
    } catch (IOException e) {
      System.err.println(LogtestOptions.NAME + ": " + userMessage(e));
      return EXIT_USAGE;
    }
  }

  /** {@code ossec-aws} with every subcommand. */
  static CommandLine commandLine() {
    return commandLine(new Main(), SUBCOMMANDS);
  }

  /**
   * {@code ossec-aws} for {@code args}: with only the subcommand they start with, when they name
   * one (picocli builds each subcommand's model by reflection at start-up, which a one-line logtest
   * would otherwise pay for every command), else with all, for help and usage.
   */
  static CommandLine commandLineFor(String[] args) {
    if (args.length > 0 && !args[0].equals("help")) {
      for (Class<?> subcommand : SUBCOMMANDS) {
        if (name(subcommand).equals(args[0])) {
          return commandLine(new Main(), List.of(subcommand));
        }
      }
    }
    return commandLine();
  }

  /** {@code command} alone (no subcommands), with the project's handling of user errors. */
  static CommandLine commandLine(Object command) {
    return commandLine(command, List.of());
  }

  /**
   * {@code command} and {@code subcommands} with the project's handling of user errors. The handler
   * is set after the subcommands are added: picocli gives it only to the subcommands already there.
   */
  private static CommandLine commandLine(Object command, List<Class<?>> subcommands) {
    CommandLine commandLine = new CommandLine(command);
    for (Class<?> subcommand : subcommands) {
      commandLine.addSubcommand(name(subcommand), subcommand == LogtestOptions.class
          ? new CommandLine(LogtestOptions.helpSpec()) : subcommand);
    }
    return commandLine.setExecutionExceptionHandler(Main::reportUserError);
  }

  private static String name(Class<?> subcommand) {
    return subcommand == LogtestOptions.class ? LogtestOptions.NAME : subcommand.getAnnotation(Command.class).name();
  }

  /** Checked exceptions are the user's input at fault: print their message alone. */
  private static int reportUserError(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
    if (e instanceof RuntimeException) throw e;
    commandLine.getErr().println(commandLine.getCommandName() + ": " + userMessage(e));
    commandLine.getErr().flush();
    return EXIT_USAGE;
  }

  /** The JDK's file errors say only the path ("/x/y") or the reason: say both, in words. */
  static String userMessage(Exception e) {
    if (e instanceof NoSuchFileException missing) return "no such file or directory: " + missing.getFile();
    if (e instanceof AccessDeniedException denied) return "permission denied: " + denied.getFile();
    if (e instanceof FileSystemException failed && failed.getReason() != null) {
      return failed.getFile() + ": " + failed.getReason();
    }
    return e.getMessage();
  }

  /** {@code ossec-aws} without a command is a usage error: the usage goes to stderr, exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    return EXIT_USAGE;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) properties.load(in);
      }
      return new String[] {"ossec-aws " + properties.getProperty("version", "unknown")};
    }
  }
}
