package dev.ossecaws.integrity;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/** SHA-256 as CloudTrail computes it: over a file's uncompressed content, in lower-case hex. */
final class Hashes {
  static final String ALGORITHM = "SHA-256";

  private Hashes() {}

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** The hash of what {@code in} holds once gunzipped (if it starts with gzip's magic bytes). */
  static String sha256HexUncompressed(InputStream in) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream content = uncompressed(in)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** {@code in} gunzipped if it starts with gzip's magic bytes, else as it is. */
  static InputStream uncompressed(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
    buffered.reset();
    return gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance(ALGORITHM);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
