package org.sweep4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads from an HTTP server on 127.0.0.1 that serves a small archive in the official layout.
 */
class CifarDownloaderTest {
  @TempDir Path dir;

  private byte[] archive;
  private String md5;
  private HttpServer server;

  /** When set, the next response sends half the archive and then drops the connection. */
  private final AtomicBoolean cutNext = new AtomicBoolean();

  private final List<String> ranges = new ArrayList<>();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @BeforeEach
  void serve() throws Exception {
    archive = TestArchives.official(30);
    md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/cifar-10-binary.tar.gz", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    ranges.add(String.valueOf(range));
    int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
    exchange.sendResponseHeaders(range == null ? 200 : 206, archive.length - from);
    try (OutputStream body = exchange.getResponseBody()) {
      if (cutNext.getAndSet(false)) {
        body.write(archive, from, (archive.length - from) / 2);
        body.flush();
        // Dropping the connection mid-body: the client sees fewer bytes than Content-Length.
        exchange.close();
        return;
      }
      body.write(archive, from, archive.length - from);
    }
  }

  private URI url() {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/cifar-10-binary.tar.gz");
  }

  private Path download(String expectedMd5) {
    return new CifarDownloader(
            url(), expectedMd5, new PrintStream(console, true, StandardCharsets.UTF_8))
        .download(dir);
  }

  @Test
  void downloadsVerifiesAndUnpacks() throws IOException {
    Path data = download(md5);
    assertEquals(dir.resolve(CifarLayout.DIRECTORY), data);
    assertEquals(6, DatasetVerifier.verify(data, false).size());
    assertTrue(Files.isRegularFile(dir.resolve(CifarLayout.ARCHIVE)));
    CifarData read = CifarBinaryReader.read(data, 30, 30);
    assertEquals(30, read.train().size());
    String output = console.toString(StandardCharsets.UTF_8);
    assertTrue(output.contains("100%") && output.contains("MD5 " + md5 + " OK"), output);
    assertOnlyFinalNames();
    download(md5);
    assertTrue(
        console.toString(StandardCharsets.UTF_8).contains("already exists; nothing to download"));
  }

  @Test
  void wrongChecksumLeavesNothingBehind() {
    CifarFormatException e =
        assertThrows(CifarFormatException.class, () -> download("0".repeat(32)));
    assertTrue(
        e.getMessage().contains("with MD5 " + md5 + ", expected " + "0".repeat(32)),
        e.getMessage());
    assertTrue(e.getMessage().startsWith(url().toString()), e.getMessage());
    assertEquals(
        List.of(), list(dir), "neither the archive, nor the data directory, nor the partial file");
  }

  @Test
  void aCutConnectionResumesWhereItStopped() throws IOException {
    cutNext.set(true);
    CifarFormatException cut = assertThrows(CifarFormatException.class, () -> download(md5));
    assertTrue(cut.getMessage().contains("download interrupted after"), cut.getMessage());
    assertTrue(cut.getMessage().endsWith("run the same command again to resume"), cut.getMessage());
    assertFalse(Files.exists(dir.resolve(CifarLayout.DIRECTORY)), "no half-written data directory");
    assertFalse(
        Files.exists(dir.resolve(CifarLayout.ARCHIVE)),
        "no half-written archive under its final name");
    long partial = Files.size(dir.resolve("." + CifarLayout.ARCHIVE + ".part"));
    assertTrue(
        partial > 0 && partial < archive.length, "kept " + partial + " bytes to resume from");

    Path data = download(md5);
    assertEquals(
        List.of("null", "bytes=" + partial + "-"),
        ranges,
        "the second request asks for the rest only");
    assertEquals(6, DatasetVerifier.verify(data, false).size());
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("resuming"));
    assertOnlyFinalNames();
  }

  @Test
  void anArchiveWithUnexpectedEntriesIsNotUnpacked() throws Exception {
    java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    TestArchives.batches(5)
        .forEach((name, content) -> entries.put(CifarLayout.DIRECTORY + "/" + name, content));
    entries.put("install.sh", "rm -rf ~".getBytes(StandardCharsets.UTF_8));
    archive = TestArchives.tarGz(entries);
    md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
    CifarFormatException e = assertThrows(CifarFormatException.class, () -> download(md5));
    assertTrue(e.getMessage().contains("unexpected entry 'install.sh'"), e.getMessage());
    assertFalse(Files.exists(dir.resolve(CifarLayout.DIRECTORY)));
    assertEquals(
        List.of(CifarLayout.ARCHIVE),
        list(dir),
        "only the verified download stays, nothing unpacked");
  }

  private void assertOnlyFinalNames() {
    assertEquals(List.of(CifarLayout.DIRECTORY, CifarLayout.ARCHIVE), list(dir));
  }

  private static List<String> list(Path dir) {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
