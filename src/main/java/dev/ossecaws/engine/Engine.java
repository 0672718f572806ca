package dev.ossecaws.engine;

import dev.ossecaws.decode.Accumulator;
import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.decode.DecoderLoader;
import dev.ossecaws.decode.DecoderSet;
import dev.ossecaws.event.Event;
import dev.ossecaws.predecode.Predecoder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** What to load and how to run: an OSSEC home, decoder files, host name and clock. */
  public static final class Builder {
    private Path home = Path.of("/var/ossec");
    private final List<String> decoderFiles = new ArrayList<>();
    private final List<Path> extraDecoderFiles = new ArrayList<>();
    private boolean useHome = true;
    private int orderSize = 256;
    private String hostname = MachineName.shortName();
    private Clock clock = Clock.wall();

    private Builder() {}

    /** The OSSEC home ({@code -D}): configured files are relative to it. */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home == null");
      return this;
    }

    /**
     * Loads nothing from the home: only the files added with {@link #extraDecoderFile}, with
     * OSSEC's default settings.
     */
    public Builder withoutHome() {
      this.useHome = false;
      return this;
    }

    /**
     * A decoder file from ossec.conf's {@code <rules>}, relative to the home. With none, OSSEC
     * loads {@code etc/decoder.xml} and {@code etc/local_decoder.xml} (spec/xml.md §6.3).
     */
    public Builder decoderFile(String name) {
      decoderFiles.add(Objects.requireNonNull(name, "name == null"));
      return this;
    }

    /** A decoder file loaded after the home's, e.g. the project's ruleset. */
    public Builder extraDecoderFile(Path file) {
      extraDecoderFiles.add(Objects.requireNonNull(file, "file == null"));
      return this;
    }

    /** Every {@code *.xml} of {@code directory}, in byte order of their names. */
    public Builder extraDecoderDirectory(Path directory) throws IOException {
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.xml")) {
        entries.forEach(files::add);
      }
      files.sort(null);
      extraDecoderFiles.addAll(files);
      return this;
    }

    /** {@code analysisd.decoder_order_size} (internal options). */
    public Builder orderSize(int orderSize) {
      this.orderSize = orderSize;
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
     * Loads everything, telling {@code log} OSSEC's start-up messages (without time stamps) as it
     * goes.
     */
    public Engine load(Consumer<String> log) throws DecoderException {
      DecoderLoader loader = new DecoderLoader(orderSize, log);
      if (useHome) readHomeDecoders(loader, log);
      for (Path file : extraDecoderFiles) {
        log.accept("ossec-testrule: INFO: Reading decoder file " + file + ".");
        loader.read(file.toString(), file);
      }
      return new Engine(new Predecoder(hostname), clock, loader.build());
    }

    private void readHomeDecoders(DecoderLoader loader, Consumer<String> log) throws DecoderException {
      if (decoderFiles.isEmpty()) {
        loader.read("etc/decoder.xml", home.resolve("etc/decoder.xml"));
        Path local = home.resolve("etc/local_decoder.xml");
        if (Files.exists(local)) loader.read("etc/local_decoder.xml", local);
        log.accept("ossec-testrule: INFO: Reading local decoder file.");
        return;
      }
      for (String name : decoderFiles) {
        log.accept("ossec-testrule: INFO: Reading decoder file " + name + ".");
        loader.read(name, home.resolve(name));
      }
    }
  }
}
