package dev.ossecaws.engine;

import dev.ossecaws.decode.Accumulator;
import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.decode.DecoderSet;
import dev.ossecaws.event.Event;
import dev.ossecaws.predecode.Predecoder;
import dev.ossecaws.rule.Firing;
import dev.ossecaws.rule.Rule;
import dev.ossecaws.rule.RuleException;
import dev.ossecaws.rule.RuleSession;
import dev.ossecaws.rule.RuleSet;
import dev.ossecaws.rule.RuleTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * ossec-logtest's evaluator for one session: the loaded configuration (immutable, shared) and the
 * session's state (accumulator, correlation). {@link #process} runs one line through the phases.
 */
public final class Engine {
  private final Predecoder predecoder;
  private final Clock clock;
  private final DecoderSet decoders;
  private final Accumulator accumulator = new Accumulator();
  private final RuleSet rules;
  private final boolean traceRules;
  private final List<String> ruleMessages = new ArrayList<>();
  private final List<String> trailingMessages = new ArrayList<>();
  private final RuleSession ruleSession;

  private Engine(Predecoder predecoder, Clock clock, DecoderSet decoders, RuleSet rules, boolean traceRules) {
    this.predecoder = predecoder;
    this.clock = clock;
    this.decoders = decoders;
    this.rules = rules;
    this.traceRules = traceRules;
    this.ruleSession = rules.newSession(ruleMessages::add, trailingMessages::add);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same configuration with fresh session state, as a new ossec-logtest process has. */
  public Engine newSession() {
    return newSession(clock);
  }

  /**
   * A fresh session timed by its own {@code clock}: sessions replayed side by side on several
   * threads each follow their own events' time.
   */
  public Engine newSession(Clock clock) {
    return new Engine(predecoder, Objects.requireNonNull(clock, "clock == null"), decoders, rules, traceRules);
  }

  /** The loaded rule with this id, or null: what a comparison of two rulesets reads levels from. */
  public Rule rule(int id) {
    return rules.rule(id);
  }

  /** One line, as {@link dev.ossecaws.predecode.LineReader} delivers it, through every phase. */
  public Verdict process(String line) {
    Event event = predecoder.predecode(line);
    event.time = clock.timeOf(event.fullLog);
    Verdict.Predecoded predecoded = Verdict.Predecoded.of(event);
    decoders.decode(event);
    accumulator.accumulate(event);
    Verdict.Decoded decoded = Verdict.Decoded.of(event);
    Verdict verdict = new Verdict(predecoded, decoded, rulePhase(event));
    event.forgetReportOnlyFields();
    return verdict;
  }

  /** Phase 3; an event the OSSEC-alert plugin decoded takes the alert's rule as matched. */
  private Verdict.Ruled rulePhase(Event event) {
    ruleMessages.clear();
    trailingMessages.clear();
    RuleTrace trace = traceRules ? new RuleTrace() : null;
    Firing firing;
    if (event.alertRuleId != null) {
      Rule rule = rules.rule(leadingNumber(event.alertRuleId));
      if (rule == null) {
        ruleMessages.add("ossec-analysisd: WARN: Rule id '" + event.alertRuleId + "' not found internally: " + event.log);
      }
      firing = rule == null ? null : rules.alerted(rule, event, ruleSession);
    } else {
      firing = rules.evaluate(event, ruleSession, trace);
    }
    return new Verdict.Ruled(
        trace == null ? null : trace.entries(), ruleMessages, firing, Verdict.Alerted.of(event), trailingMessages);
  }

  /** C's atoi: the leading digits, 0 without any. */
  private static int leadingNumber(String text) {
    int value = 0;
    for (int i = 0; i < text.length() && Character.isDigit(text.charAt(i)) && value < 100_000_000; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /** What to load and how to run: a manager's configuration, host name and clock. */
  public static final class Builder {
    private ManagerConfig config;
    private String hostname;
    private Clock clock = Clock.wall();
    private boolean traceRules;

    private Builder() {}

    /** Records the {@code -v} rule trace of every event (costs time; off by default). */
    public Builder traceRules(boolean traceRules) {
      this.traceRules = traceRules;
      return this;
    }

    public Builder config(ManagerConfig config) {
      this.config = Objects.requireNonNull(config, "config == null");
      return this;
    }

    /** The host name of events whose header names none; OSSEC takes the machine's short name. */
    public Builder hostname(String hostname) {
      this.hostname = Objects.requireNonNull(hostname, "hostname == null");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Loads the configuration's files, telling {@code log} OSSEC's start-up messages (without time
     * stamps) as it goes.
     */
    public Engine load(Consumer<String> log) throws DecoderException, RuleException {
      Objects.requireNonNull(config, "config == null");
      DecoderSet decoders = DecoderFiles.load(config, log);
      RuleSet rules = RuleFiles.load(config, decoders, log);
      String fallbackHostname = hostname != null ? hostname : MachineName.shortName();
      return new Engine(new Predecoder(fallbackHostname), clock, decoders, rules, traceRules);
    }
  }
}
