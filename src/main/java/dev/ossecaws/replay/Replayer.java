package dev.ossecaws.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossecaws.cloudtrail.CloudTrailFormatException;
import dev.ossecaws.cloudtrail.RecordReader;
import dev.ossecaws.cloudtrail.S3Errors;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reads the files in order and evaluates every CloudTrail record through each ruleset.
 *
 * <p>With one thread, all records go through one session per ruleset, in file order: what one
 * manager fed the whole trail sees, and what one {@code logtest} session over the flattened lines
 * gives. With more, each (account, region) {@link Partition} gets its own session per ruleset,
 * its records still in file order, and partitions are spread over the threads (first seen, next
 * thread): correlation then never crosses accounts or regions. Either way the listener hears
 * everything on the calling thread, in file order: results are put back in sequence.
 */
public final class Replayer {
  private static final int QUEUE = 1024;
  private static final int BATCH = 256;

  private final List<Engine> rulesets;
  private final int threads;
  private final int maxLineBytes;

  /** {@code rulesets}: loaded engines (two for a baseline comparison); sessions are made from them. */
  public Replayer(List<Engine> rulesets, int threads, int maxLineBytes) {
    this.rulesets = List.copyOf(rulesets);
    if (this.rulesets.isEmpty()) throw new IllegalArgumentException("no ruleset");
    if (threads < 1) throw new IllegalArgumentException("threads < 1: " + threads);
    this.threads = threads;
    this.maxLineBytes = maxLineBytes;
  }

  public void run(List<TrailFile> files, ReplayListener listener) throws InterruptedException {
    Objects.requireNonNull(listener, "listener == null");
    if (threads == 1) {
      List<PartitionReplay> sessions = sessions();
      read(files, new Sink() {
        @Override
        public void record(ReplayRecord record) {
          listener.evaluated(record, evaluate(sessions, record));
        }

        @Override
        public void event(Consumer<ReplayListener> event) {
          event.accept(listener);
        }
      });
    } else {
      new Parallel(listener).run(files);
    }
  }

  private List<PartitionReplay> sessions() {
    List<PartitionReplay> sessions = new ArrayList<>();
    for (Engine engine : rulesets) sessions.add(new PartitionReplay(engine, maxLineBytes));
    return sessions;
  }

  private static List<Verdict> evaluate(List<PartitionReplay> sessions, ReplayRecord record) {
    List<Verdict> verdicts = new ArrayList<>(sessions.size());
    for (PartitionReplay session : sessions) verdicts.add(session.evaluate(record));
    return verdicts;
  }

  /** Where the reader puts what it reads: records to evaluate, and what to tell the listener. */
  private interface Sink {
    void record(ReplayRecord record) throws InterruptedException;

    void event(Consumer<ReplayListener> event) throws InterruptedException;
  }

  private static void read(List<TrailFile> files, Sink sink) throws InterruptedException {
    for (TrailFile file : files) {
      sink.event(l -> l.fileStarted(file));
      String fault = read(file, sink);
      sink.event(l -> l.fileFinished(file, fault));
    }
  }

  /** One file's records to the sink; returns the fault that cut it short, or null. */
  private static String read(TrailFile file, Sink sink) throws InterruptedException {
    long index = 0;
    String fault;
    try (InputStream in = file.open(); RecordReader reader = RecordReader.open(in)) {
      for (ObjectNode record; (record = reader.next()) != null; index++) {
        ReplayRecord replayed = new ReplayRecord(file.name(), index, record);
        String problem = replayed.problem();
        if (problem == null) {
          sink.record(replayed);
        } else {
          sink.event(l -> l.recordSkipped(replayed, problem));
        }
      }
      return null;
    } catch (CloudTrailFormatException e) {
      fault = "not a CloudTrail log file: " + e.getMessage();
    } catch (SdkException e) {
      fault = S3Errors.describe(e);
    } catch (IOException e) {
      fault = "cannot read: " + TrailFiles.describe(e);
    }
    return index == 0 ? fault : fault + " (after record " + (index - 1) + "; the records before it were replayed)";
  }

  /**
   * The reader on its own thread, one worker thread per partition group, and the calling thread
   * telling the listener: every record and event carries a sequence number, and results are told
   * in that order however the workers race. Records travel in batches (a thread woken per record
   * costs more than the record's evaluation on a busy machine); every batch is sent at the end of
   * each file, so the calling thread never waits for a record still with the reader.
   */
  private final class Parallel {
    private final ReplayListener listener;
    // Bounded in records, not batches: verdicts waiting to be told are the replay's biggest memory.
    private final BlockingQueue<List<Result>> results = new LinkedBlockingQueue<>(QUEUE / BATCH);
    private final List<BlockingQueue<List<Work>>> workQueues = new ArrayList<>();
    private final List<Thread> running = new ArrayList<>();

    Parallel(ReplayListener listener) {
      this.listener = listener;
    }

    void run(List<TrailFile> files) throws InterruptedException {
      try {
        for (int i = 0; i < threads; i++) {
          BlockingQueue<List<Work>> queue = new ArrayBlockingQueue<>(QUEUE / BATCH);
          workQueues.add(queue);
          start("ossec-aws-replay-" + i, () -> work(queue));
        }
        start("ossec-aws-replay-reader", () -> readAll(files));
        tellInOrder();
      } finally {
        running.forEach(Thread::interrupt);
      }
    }

    private void start(String name, Runnable task) {
      Thread thread = new Thread(() -> {
        try {
          task.run();
        } catch (RuntimeException | Error e) {
          try {
            results.put(List.of(new Result(-1, null, e))); // the calling thread drains, so this ends
          } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
          }
        }
      }, name);
      thread.setDaemon(true);
      running.add(thread);
      thread.start();
    }

    /** Reads every file, hands records to their partition's worker, then ends the workers. */
    private void readAll(List<TrailFile> files) {
      Map<Partition, Integer> workerOf = new HashMap<>();
      List<List<Work>> batches = new ArrayList<>();
      for (int i = 0; i < threads; i++) batches.add(new ArrayList<>(BATCH));
      long[] next = {0};
      try {
        read(files, new Sink() {
          @Override
          public void record(ReplayRecord record) throws InterruptedException {
            int worker = workerOf.computeIfAbsent(Partition.keyOf(record.record()), p -> workerOf.size() % threads);
            List<Work> batch = batches.get(worker);
            batch.add(new Work(next[0]++, record));
            if (batch.size() == BATCH) send(batches, worker);
          }

          @Override
          public void event(Consumer<ReplayListener> event) throws InterruptedException {
            for (int worker = 0; worker < threads; worker++) send(batches, worker);
            results.put(List.of(new Result(next[0]++, event, null)));
          }
        });
        for (BlockingQueue<List<Work>> queue : workQueues) queue.put(List.of());
        results.put(List.of(new Result(next[0], null, null))); // the end: nothing more after this number
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void send(List<List<Work>> batches, int worker) throws InterruptedException {
      List<Work> batch = batches.get(worker);
      if (batch.isEmpty()) return;
      workQueues.get(worker).put(List.copyOf(batch));
      batch.clear();
    }

    /** Evaluates one group of partitions, each in its own sessions, until the empty batch. */
    private void work(BlockingQueue<List<Work>> queue) {
      Map<Partition, List<PartitionReplay>> sessions = new HashMap<>();
      try {
        for (List<Work> batch = queue.take(); !batch.isEmpty(); batch = queue.take()) {
          List<Result> done = new ArrayList<>(batch.size());
          for (Work work : batch) {
            ReplayRecord record = work.record();
            List<Verdict> verdicts =
                evaluate(sessions.computeIfAbsent(Partition.keyOf(record.record()), p -> sessions()), record);
            done.add(new Result(work.sequence(), l -> l.evaluated(record, verdicts), null));
          }
          results.put(done);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void tellInOrder() throws InterruptedException {
      PriorityQueue<Result> waiting = new PriorityQueue<>((a, b) -> Long.compare(a.sequence(), b.sequence()));
      long next = 0;
      long end = Long.MAX_VALUE;
      while (next < end) {
        for (Result result : results.take()) {
          if (result.failure() != null) throw new IllegalStateException("replay thread failed", result.failure());
          if (result.event() == null) end = result.sequence();
          else waiting.add(result);
        }
        while (!waiting.isEmpty() && waiting.peek().sequence() == next) {
          waiting.poll().event().accept(listener);
          next++;
        }
      }
    }
  }

  /** A record for a worker, with its place in the replay. */
  private record Work(long sequence, ReplayRecord record) {}

  /** What to tell the listener at a place in the replay; the end (no event); or a thread's failure. */
  private record Result(long sequence, Consumer<ReplayListener> event, Throwable failure) {}
}
