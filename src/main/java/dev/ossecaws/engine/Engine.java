package dev.ossecaws.engine;

import dev.ossecaws.decode.Accumulator;
import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.decode.DecoderSet;
import dev.ossecaws.event.Event;
import dev.ossecaws.predecode.Predecoder;
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

  private Engine(Predecoder predecoder, Clock clock, DecoderSet decoders) {
    this.predecoder = predecoder;
    this.clock = clock;
    this.decoders = decoders;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same configuration with fresh session state, as a new ossec-logtest process has. */
  public Engine newSession() {
    return new Engine(predecoder, clock, decoders);
  }

  /** One line, as {@link dev.ossecaws.predecode.LineReader} delivers it, through every phase. */
  public Verdict process(String line) {
    Event event = predecoder.predecode(line);
    event.time = clock.timeOf(event.fullLog);
    Verdict.Predecoded predecoded = Verdict.Predecoded.of(event);
    decoders.decode(event);
    accumulator.accumulate(event);
    return new Verdict(predecoded, Verdict.Decoded.of(event));
  }

  /** What to load and how to run: a manager's configuration, host name and clock. */
  public static final class Builder {
    private ManagerConfig config;
    private String hostname;
    private Clock clock = Clock.wall();

    private Builder() {}

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
    public Engine load(Consumer<String> log) throws DecoderException {
      Objects.requireNonNull(config, "config == null");
      DecoderSet decoders = DecoderFiles.load(config, log);
      String fallbackHostname = hostname != null ? hostname : MachineName.shortName();
      return new Engine(new Predecoder(fallbackHostname), clock, decoders);
    }
  }
}
