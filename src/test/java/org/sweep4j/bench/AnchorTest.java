package org.sweep4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.data.SyntheticCifar;

/**
 * The PyTorch anchors speak one protocol and train the same work as sweep4j's bench: the same
 * parameters per layer, batch, warm-up and timed steps, threads and Adam. The anchors themselves
 * run only where they are installed ({@code mvn -Ptorch-djl package}, {@code apt-get install
 * python3-torch}); CI has neither, and the protocol tests need no anchor.
 */
class AnchorTest {
  private static final Architecture SMALL = Architecture.parse("small_cnn");
  private static final Architecture DEEP = Architecture.parse("deep_cnn");

  @Test
  void parsesTheProtocolAndRejectsAnythingElse() {
    AnchorRun run =
        AnchorRun.parse(
            "some warning\nbuild torch 2.7.1 djl 0.36.0 mkl onednn\n"
                + "work layers=896,18496,23050 batch=100 threads=2\ntorch 2500.5 97\n");
    assertEquals(2500.5, run.imagesPerSecond());
    assertEquals("torch 2.7.1 djl 0.36.0 mkl onednn", run.build());
    assertEquals("896,18496,23050", run.work().get("layers"));
    assertEquals("2", run.work().get("threads"));
    assertThrows(
        IllegalStateException.class, () -> AnchorRun.parse("Traceback ...\nImportError: x"));
    assertThrows(
        IllegalStateException.class,
        () -> AnchorRun.parse("torch 2500.5 97\n"),
        "a run that does not say what it trained is no anchor");
  }

  /** The figures are the anchors' layers by hand: 3·3·3·32+32, 3·3·32·64+64, 2304·10+10. */
  @Test
  void sweep4jsWorkIsTheSmallCnnWithKerasAdam() {
    Map<String, String> work = BenchWork.of(settings(ActivationSpec.parse("relu"), 1), SMALL, 1);
    assertEquals("896,18496,23050", work.get("layers"));
    assertEquals("adam(0.001,0.9,0.999,1e-07)", work.get("optimizer"));
    assertEquals(
        "896,9248,18496,36928,1180160,5130",
        BenchWork.of(settings(ActivationSpec.parse("relu"), 1), DEEP, 1).get("layers"));
  }

  @Test
  void namesEveryDifferenceInTheWork() {
    Map<String, String> ours = BenchWork.of(settings(ActivationSpec.parse("relu"), 2), SMALL, 2);
    assertEquals("", BenchWork.differences(ours, ours));
    Map<String, String> theirs = new HashMap<>(ours);
    theirs.put("threads", "1");
    theirs.put("layers", "896,18496,23050,10");
    assertEquals(
        "layers: sweep4j 896,18496,23050, anchor 896,18496,23050,10; threads: sweep4j 2, anchor 1",
        BenchWork.differences(ours, theirs));
  }

  @Test
  void printsNumbersAsPythonDoes() {
    assertEquals("0.001", BenchWork.number(1e-3));
    assertEquals("0.9", BenchWork.number(0.9));
    assertEquals("1e-07", BenchWork.number(1e-7));
  }

  /**
   * Both architectures, all threads in one process and one thread per process side by side: what
   * each installed anchor reports it trained is what sweep4j trains.
   */
  @Test
  void everyInstalledAnchorTrainsTheSameWorkAsSweep4j(@TempDir Path dir) throws IOException {
    List<Anchor> anchors = installedAnchors();
    assumeTrue(!anchors.isEmpty(), "no PyTorch anchor is installed here");
    BenchSettings settings = settings(ActivationSpec.parse("relu"), 2);
    Path records = records(dir);
    for (Anchor anchor : anchors) {
      for (Architecture architecture : List.of(SMALL, DEEP)) {
        AnchorRun single = anchor.single(settings, architecture, records).orElseThrow();
        assertEquals(
            "",
            BenchWork.differences(BenchWork.of(settings, architecture, 2), single.work()),
            anchor.name() + " " + architecture.label());
        assertTrue(single.build().startsWith("torch "), single.build());
        AnchorRun trials = anchor.trials(settings, architecture, records).orElseThrow();
        assertEquals(
            "",
            BenchWork.differences(BenchWork.of(settings, architecture, 1), trials.work()),
            anchor.name() + " trials " + architecture.label());
      }
    }
  }

  /** The DJL anchor has every activation but PReLU and step, and says so for those two. */
  @Test
  void djlAnchorTrainsEveryActivationItHas(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Optional<DjlTorchAnchor> anchor = DjlTorchAnchor.find(out);
    assumeTrue(anchor.isPresent(), "DJL's PyTorch is not in target/torch-djl");
    Path records = records(dir);
    for (ActivationName name : ActivationName.values()) {
      Optional<AnchorRun> run =
          anchor.get().single(settings(ActivationSpec.of(name), 1), SMALL, records);
      boolean missing = name == ActivationName.PRELU || name == ActivationName.STEP;
      assertEquals(!missing, run.isPresent(), name + ": " + bytes);
    }
    assertTrue(
        bytes.toString(StandardCharsets.UTF_8).contains("has no activation prelu"),
        bytes::toString);
  }

  private static List<Anchor> installedAnchors() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    List<Anchor> anchors = new ArrayList<>();
    DjlTorchAnchor.find(quiet).ifPresent(anchors::add);
    PythonTorchAnchor.find(quiet).ifPresent(anchors::add);
    return anchors;
  }

  private static BenchSettings settings(ActivationSpec activation, int threads) {
    return new BenchSettings(
        List.of(SMALL), activation, 10, 1, 2, threads, 1, 1, null, List.of("torch"), null);
  }

  /** Forty generated images in CIFAR-10's binary layout. */
  private static Path records(Path dir) throws IOException {
    Path file = dir.resolve("records.bin");
    Files.write(file, SyntheticCifar.images(40, 1).records(0, 40));
    return file;
  }
}
