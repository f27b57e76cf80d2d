package org.sweep4j.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.sun.jna.NativeLibrary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The PyTorch 2.7.1 anchor's program: run by {@link DjlTorchAnchor} in a JVM of its own, with DJL's
 * jars on the class path and nothing of ND4J loaded. It trains the bench's network the way {@code
 * torch_anchor.py} does (same layers, Glorot-uniform weights, zero biases, Adam 1e-3 / 0.9 / 0.999
 * / 1e-7, softmax cross-entropy, pixels / 255, the same minibatches in file order) and prints the
 * anchor protocol: {@code build ...}, {@code work ...}, then {@code torch <images/s> <cpu %>}.
 *
 * <p>usage: RECORDS ARCHITECTURE ACTIVATION BATCH WARMUP BATCHES THREADS [PARAM=VALUE ...]; with
 * {@code SWEEP4J_ANCHOR_BARRIER=1} it prints {@code ready} after the warm-up and waits for a line
 * on its input before timing, so side-by-side copies start timing together.
 */
public final class DjlTorchTraining {
  private static final int RECORD = 3073;
  private static final int PIXELS = 3072;

  private DjlTorchTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 7) {
      throw new IllegalArgumentException(
          "usage: RECORDS ARCHITECTURE ACTIVATION BATCH WARMUP BATCHES THREADS [PARAM=VALUE ...]");
    }
    Path records = Path.of(args[0]);
    String architecture = args[1];
    String activation = args[2];
    int batch = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    int batches = Integer.parseInt(args[5]);
    int threads = Integer.parseInt(args[6]);
    Map<String, String> params = new TreeMap<>();
    for (int i = 7; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      params.put(kv[0], kv[1]);
    }
    byte[] raw = Files.readAllBytes(records);
    int n = raw.length / RECORD / batch;
    if (n == 0) {
      throw new IllegalArgumentException(records + " holds fewer than " + batch + " records");
    }
    Engine engine = Engine.getInstance();
    System.out.println(build(engine));
    UnaryOperator<NDArray> act = activation(activation, params);
    try (Model model = Model.newInstance("anchor")) {
      SequentialBlock net = network(architecture, act);
      net.setInitializer(
          new XavierInitializer(
              XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3),
          Parameter.Type.WEIGHT);
      model.setBlock(net);
      Optimizer adam =
          Optimizer.adam()
              .optLearningRateTracker(Tracker.fixed(1e-3f))
              .optBeta1(0.9f)
              .optBeta2(0.999f)
              .optEpsilon(1e-7f)
              .build();
      try (Trainer trainer =
          model.newTrainer(
              new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(adam))) {
        trainer.initialize(new Shape(batch, 3, 32, 32));
        System.out.printf(
            Locale.ROOT,
            "work layers=%s batch=%d warmup=%d timed=%d threads=%d optimizer=adam(0.001,0.9,0.999,1e-07)%n",
            layerParameters(net),
            batch,
            warmup,
            batches,
            ai.djl.pytorch.jni.JniUtils.getNumThreads());
        train(trainer, raw, batch, n, 0, warmup);
        awaitBarrier();
        var os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        train(trainer, raw, batch, n, warmup, batches);
        double seconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "torch %.1f %.0f%n",
            batches * batch / seconds,
            100 * cpuSeconds / (seconds * threads));
      }
    }
  }

  /**
   * Full training steps on minibatches {@code first .. first + count}, cycling through the file.
   */
  private static void train(Trainer trainer, byte[] raw, int batch, int n, int first, int count) {
    for (int k = first; k < first + count; k++) {
      int offset = (k % n) * batch * RECORD;
      float[] pixels = new float[batch * PIXELS];
      long[] labels = new long[batch];
      for (int i = 0; i < batch; i++) {
        int record = offset + i * RECORD;
        labels[i] = raw[record] & 0xff;
        for (int p = 0; p < PIXELS; p++) {
          pixels[i * PIXELS + p] = (raw[record + 1 + p] & 0xff) / 255f;
        }
      }
      try (NDManager step = trainer.getManager().newSubManager()) {
        NDArray x = step.create(pixels, new Shape(batch, 3, 32, 32));
        NDArray y = step.create(labels);
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList predictions = trainer.forward(new NDList(x));
          collector.backward(trainer.getLoss().evaluate(new NDList(y), predictions));
        }
        trainer.step();
      }
    }
  }

  /** The layers of the bench's architectures, as {@code torch_anchor.py} builds them. */
  static SequentialBlock network(String architecture, UnaryOperator<NDArray> act) {
    SequentialBlock net = new SequentialBlock();
    switch (architecture) {
      case "small_cnn" -> {
        net.add(conv(32, false)).add(block(act)).add(pool());
        net.add(conv(64, false)).add(block(act)).add(pool());
        net.add(Blocks.batchFlattenBlock()).add(dense(10));
      }
      case "deep_cnn" -> {
        net.add(conv(32, true)).add(block(act)).add(conv(32, false)).add(block(act)).add(pool());
        net.add(dropout(0.25f));
        net.add(conv(64, true)).add(block(act)).add(conv(64, false)).add(block(act)).add(pool());
        net.add(dropout(0.25f));
        net.add(Blocks.batchFlattenBlock()).add(dense(512)).add(block(act)).add(dropout(0.5f));
        net.add(dense(10));
      }
      default ->
          throw new IllegalArgumentException(
              "the DJL anchor has no architecture "
                  + architecture
                  + " (valid: small_cnn, deep_cnn)");
    }
    return net;
  }

  /**
   * The hidden activation; PReLU (DJL's has one slope, not one per channel) and step (no gradient)
   * have no DJL form here, the Python anchor has them.
   */
  static UnaryOperator<NDArray> activation(String name, Map<String, String> params) {
    return switch (name) {
      case "relu" -> Activation::relu;
      case "leaky_relu" -> x -> Activation.leakyRelu(x, floatParam(params, "alpha", 0.01f));
      case "elu" -> x -> Activation.elu(x, floatParam(params, "alpha", 1f));
      case "selu" -> Activation::selu;
      case "gelu" -> Activation::gelu;
      case "sigmoid" -> Activation::sigmoid;
      case "tanh" -> Activation::tanh;
      case "swish" -> x -> Activation.swish(x, 1f);
      case "mish" -> Activation::mish;
      case "reflection_linear" -> NDArray::abs;
      case "softplus_linear" ->
          x ->
              NDArrays.where(
                  x.lte(0), Activation.softPlus(x).mul(2), x.add((float) (2 * Math.log(2))));
      case "zero_fit_linear" -> x -> x.sub(minimumPerMap(x));
      default ->
          throw new IllegalArgumentException(
              "the DJL anchor has no activation "
                  + name
                  + " (it has relu, leaky_relu, elu, selu, gelu, sigmoid, tanh, swish, mish,"
                  + " reflection_linear, softplus_linear, zero_fit_linear)");
    };
  }

  /**
   * The minimum of each feature map (or each example's features): DJL reduces one axis at a time.
   */
  private static NDArray minimumPerMap(NDArray x) {
    return x.getShape().dimension() == 4
        ? x.min(new int[] {3}, true).min(new int[] {2}, true)
        : x.min(new int[] {1}, true);
  }

  private static float floatParam(Map<String, String> params, String key, float fallback) {
    return params.containsKey(key) ? Float.parseFloat(params.get(key)) : fallback;
  }

  private static Block block(UnaryOperator<NDArray> act) {
    return new LambdaBlock(list -> new NDList(act.apply(list.singletonOrThrow())));
  }

  private static Block conv(int filters, boolean same) {
    Conv2d.Builder builder = Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters);
    return (same ? builder.optPadding(new Shape(1, 1)) : builder).build();
  }

  private static Block pool() {
    return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
  }

  private static Block dropout(float rate) {
    return Dropout.builder().optRate(rate).build();
  }

  private static Block dense(int units) {
    return Linear.builder().setUnits(units).build();
  }

  /** Parameters per layer that has any, in order: {@code 896,18496,23050}. */
  static String layerParameters(SequentialBlock net) {
    List<Long> counts = new ArrayList<>();
    for (var child : net.getChildren()) {
      long count =
          child.getValue().getParameters().values().stream()
              .mapToLong(p -> p.getArray().size())
              .sum();
      if (count > 0) {
        counts.add(count);
      }
    }
    return counts.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /**
   * {@code build torch 2.7.1 djl 0.36.0 mkl onednn}: the libtorch DJL loaded, and whether it has
   * MKL and oneDNN, asked of libtorch itself ({@code at::Context::hasMKL()}, {@code hasMKLDNN()}).
   */
  private static String build(Engine engine) {
    StringBuilder line =
        new StringBuilder("build torch ")
            .append(engine.getVersion())
            .append(" djl ")
            .append(Engine.getDjlVersion());
    String dir = ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
    NativeLibrary torch = NativeLibrary.getInstance(Path.of(dir, "libtorch_cpu.so").toString());
    line.append(hasFeature(torch, "_ZN2at7Context6hasMKLEv") ? " mkl" : " no-mkl");
    line.append(hasFeature(torch, "_ZN2at7Context9hasMKLDNNEv") ? " onednn" : " no-onednn");
    return line.toString();
  }

  private static boolean hasFeature(NativeLibrary library, String symbol) {
    try {
      return (library.getFunction(symbol).invokeInt(new Object[0]) & 0xff) != 0;
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }

  private static void awaitBarrier() throws IOException {
    if ("1".equals(System.getenv("SWEEP4J_ANCHOR_BARRIER"))) {
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
  }
}
