package dev.ossecaws.spark;

import dev.ossecaws.replay.TrailFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The driver's list of the job's files, in replay's order: a path naming a file is that file; a
 * directory (or bucket prefix) is walked, its files in name order, keeping those replay keeps
 * ({@link TrailFiles#isLogFileName}); then {@link TrailFiles#inReplayOrder} sorts them by the time in
 * their CloudTrail names.
 */
final class TrailInput {
  private TrailInput() {}

  /**
   * The files of {@code paths}; a path that does not exist throws, naming it (as replay's own
   * listing); one that cannot be listed is told to {@code failed} and left out.
   */
  static List<InputFile> list(List<String> paths, Configuration conf, BiConsumer<String, String> failed)
      throws FileNotFoundException {
    List<InputFile> files = new ArrayList<>();
    for (String given : paths) {
      try {
        files.addAll(files(new Path(given), conf));
      } catch (FileNotFoundException e) {
        throw new FileNotFoundException(given);
      } catch (IOException | RuntimeException e) {
        failed.accept(given, "cannot list: " + e.getMessage());
      }
    }
    List<InputFile> ordered = TrailFiles.inReplayOrder(files, InputFile::name);
    List<InputFile> ranked = new ArrayList<>(ordered.size());
    for (InputFile file : ordered) ranked.add(file.withRank(ranked.size()));
    return ranked;
  }

  private static List<InputFile> files(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    FileStatus status = fs.getFileStatus(path);
    if (!status.isDirectory()) return List.of(file(status));
    List<InputFile> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> walk = fs.listFiles(status.getPath(), true);
    while (walk.hasNext()) {
      LocatedFileStatus file = walk.next();
      if (file.isFile() && TrailFiles.isLogFileName(file.getPath().getName())) files.add(file(file));
    }
    files.sort(Comparator.comparing(InputFile::name));
    return files;
  }

  private static InputFile file(FileStatus status) {
    Path path = status.getPath();
    return new InputFile(-1, path.toString(), InputFile.nameOf(path.toUri()), status.getLen());
  }
}
