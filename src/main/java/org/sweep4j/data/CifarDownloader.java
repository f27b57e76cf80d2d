package org.sweep4j.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code sweep4j data download}: fetches {@code cifar-10-binary.tar.gz} into a directory with a
 * progress line, resumes a partial download (HTTP Range), checks the MD5, and unpacks it
 * atomically. Until the checksum matches, the bytes live in a hidden {@code
 * .cifar-10-binary.tar.gz.part}; the archive and the {@code cifar-10-batches-bin} directory only
 * ever appear complete (written under hidden names, then renamed).
 */
public final class CifarDownloader {
  private static final int TIMEOUT_MS = 30_000;
  private static final long PROGRESS_EVERY_NS = 500_000_000L;

  private final URI url;
  private final String md5;
  private final PrintStream progress;

  /**
   * @param md5 the archive's expected MD5, lower-case hex (the official one unless a mirror serves
   *     another)
   * @param progress where the progress line and messages go
   */
  public CifarDownloader(URI url, String md5, PrintStream progress) {
    this.url = url;
    this.md5 = md5.toLowerCase(Locale.ROOT);
    this.progress = progress;
  }

  /**
   * Downloads (or resumes), verifies and unpacks into {@code dir}; returns {@code
   * dir/cifar-10-batches-bin}.
   */
  public Path download(Path dir) {
    Path target = dir.resolve(CifarLayout.DIRECTORY);
    if (Files.isDirectory(target)) {
      progress.println(
          target
              + " already exists; nothing to download ('sweep4j data verify "
              + target
              + "' checks it)");
      return target;
    }
    Path archive = dir.resolve(CifarLayout.ARCHIVE);
    try {
      Files.createDirectories(dir);
      if (!Files.isRegularFile(archive)) {
        fetch(dir.resolve("." + CifarLayout.ARCHIVE + ".part"), archive);
      } else {
        progress.println("using " + archive + " already downloaded");
        String actual = md5Of(archive);
        if (!actual.equals(md5)) {
          throw new CifarFormatException(
              archive + ": MD5 " + actual + ", expected " + md5 + "; delete it and run" + " again");
        }
      }
      CifarArchive.unpack(archive, target);
      progress.println("unpacked to " + target);
      return target;
    } catch (IOException e) {
      throw new CifarFormatException(dir + ": cannot download " + url + ": " + e, e);
    }
  }

  private void fetch(Path part, Path archive) throws IOException {
    long have = Files.isRegularFile(part) ? Files.size(part) : 0;
    HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
    connection.setConnectTimeout(TIMEOUT_MS);
    connection.setReadTimeout(TIMEOUT_MS);
    if (have > 0) {
      connection.setRequestProperty("Range", "bytes=" + have + "-");
    }
    int status = connection.getResponseCode();
    boolean resumed = status == HttpURLConnection.HTTP_PARTIAL;
    if (status != HttpURLConnection.HTTP_OK && !resumed) {
      throw new CifarFormatException(
          url + ": HTTP " + status + " " + connection.getResponseMessage());
    }
    if (!resumed) {
      have = 0;
    } else {
      progress.printf(Locale.ROOT, "resuming %s at %,d bytes%n", url, have);
    }
    long length = connection.getContentLengthLong();
    long total = length < 0 ? -1 : have + length;
    long received;
    try {
      received = copy(connection, part, resumed, have, total);
    } finally {
      connection.disconnect();
    }
    if (total >= 0 && received < total) {
      throw interrupted(received, total, "the connection closed early");
    }
    checkAndKeep(part, archive, received);
  }

  /** Appends (or writes) the response to {@code part}, showing progress; returns the bytes held. */
  private long copy(HttpURLConnection connection, Path part, boolean resumed, long have, long total)
      throws IOException {
    long received = have;
    long started = System.nanoTime();
    long shown = 0;
    try (InputStream in = new BufferedInputStream(connection.getInputStream(), 1 << 16);
        OutputStream out =
            Files.newOutputStream(
                part,
                StandardOpenOption.CREATE,
                resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        received += n;
        long now = System.nanoTime();
        if (now - shown > PROGRESS_EVERY_NS) {
          showProgress(received, have, total, now - started);
          shown = now;
        }
      }
    } catch (IOException e) {
      throw interrupted(received, total, e.toString());
    }
    showProgress(received, have, total, System.nanoTime() - started);
    progress.println();
    return received;
  }

  /** Checks the download's MD5 and moves it into place; a wrong one is removed. */
  private void checkAndKeep(Path part, Path archive, long received) throws IOException {
    String actual = md5Of(part);
    if (!actual.equals(md5)) {
      Files.delete(part);
      throw new CifarFormatException(
          url
              + ": downloaded "
              + received
              + " bytes with MD5 "
              + actual
              + ", expected "
              + md5
              + " (a corrupt download or a different file); the partial file was removed, run again");
    }
    Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
    progress.println("MD5 " + actual + " OK: " + archive);
  }

  private CifarFormatException interrupted(long received, long total, String reason) {
    return new CifarFormatException(
        String.format(
            Locale.ROOT,
            "%s: download interrupted after %,d of %s bytes (%s);"
                + " run the same command again to resume",
            url,
            received,
            total < 0 ? "?" : String.format("%,d", total),
            reason));
  }

  private void showProgress(long received, long resumedAt, long total, long elapsedNs) {
    double rate = (received - resumedAt) / Math.max(elapsedNs / 1e9, 1e-3);
    String eta =
        total < 0 || rate <= 0
            ? ""
            : String.format(Locale.ROOT, "  ETA %ds", Math.round((total - received) / rate));
    String bar = "";
    if (total > 0) {
      int filled = (int) (30 * received / total);
      bar =
          String.format(
              Locale.ROOT,
              "[%s%s] %3d%% ",
              "#".repeat(filled),
              " ".repeat(30 - filled),
              100 * received / total);
    }
    progress.printf(
        Locale.ROOT,
        "\r%s%.1f / %s MB  %.1f MB/s%s   ",
        bar,
        received / 1e6,
        total < 0 ? "?" : String.format(Locale.ROOT, "%.1f", total / 1e6),
        rate / 1e6,
        eta);
    progress.flush();
  }

  static String md5Of(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(
            new BufferedInputStream(Files.newInputStream(file), 1 << 16),
            MessageDigest.getInstance("MD5"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no MD5", e);
    }
  }
}
