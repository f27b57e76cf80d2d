package org.sweep4j.dl4jm2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One oneDNN primitive over arrays of one length, seen as flat float vectors (elementwise work does
 * not care about shape) or as the matrices a builder declares, with memory objects bound to
 * INDArrays call by call. Each thread keeps its own, cached by what it computes and the length:
 * memory objects carry a data handle, so they cannot be shared between trials running side by side.
 */
final class ElementwisePrimitive {
  /** Shapes per thread seen in training: a few layers × a full and a last, partial minibatch. */
  private static final int CACHED_PER_THREAD = 64;

  private static final ThreadLocal<Map<Object, ElementwisePrimitive>> CACHE =
      ThreadLocal.withInitial(
          () ->
              new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, ElementwisePrimitive> e) {
                  return size() > CACHED_PER_THREAD;
                }
              });

  /** Everything native this primitive points to: JavaCPP frees peers once collected. */
  private final List<Pointer> keep = new ArrayList<>();

  private final stream stream;
  private final primitive primitive;
  private final IntMemoryMap args = hold(new IntMemoryMap());
  private final List<memory> slots = new ArrayList<>();
  private final List<memory.desc> slotDescs = new ArrayList<>();

  private ElementwisePrimitive(Builder builder) {
    stream = hold(new stream(OneDnn.engine()));
    primitive = hold(builder.primitive);
    keep.addAll(builder.keep);
    for (Slot declared : builder.slots) {
      memory slot = hold(new memory(declared.desc(), OneDnn.engine(), new Pointer()));
      for (int arg : declared.args()) {
        args.put(arg, slot);
      }
      slots.add(slot);
      slotDescs.add(declared.desc());
    }
    builder.constants.forEach(args::put);
  }

  /**
   * The cached primitive for {@code key} over arrays of {@code length} elements, built by {@code
   * build} (given them as one vector) on first use on this thread.
   */
  static ElementwisePrimitive cached(
      Object key, long length, Function<memory.desc, Builder> build) {
    return CACHE
        .get()
        .computeIfAbsent(
            List.of(key, length), k -> new ElementwisePrimitive(build.apply(vector(length))));
  }

  /** Bytes of the array slot {@code i} takes (a primitive's workspace, say). */
  long slotBytes(int i) {
    return slotDescs.get(i).get_size();
  }

  /** Runs on {@code arrays}, one per slot in the order the builder declared them. */
  void run(INDArray... arrays) {
    for (int i = 0; i < arrays.length; i++) {
      slots.get(i).set_data_handle(OneDnn.address(arrays[i]));
    }
    primitive.execute(stream, args);
    stream._wait();
  }

  /**
   * Whether oneDNN may run on these arrays: float, each dense (no gaps, any offset) and all in the
   * same layout, so element i of one is element i of the others.
   */
  static boolean applies(INDArray first, INDArray... others) {
    if (first.dataType() != DataType.FLOAT || !dense(first) || !OneDnn.usable(DataType.FLOAT)) {
      return false;
    }
    for (INDArray other : others) {
      if (other.dataType() != DataType.FLOAT
          || !dense(other)
          || other.ordering() != first.ordering()
          || !Arrays.equals(other.shape(), first.shape())) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when every dimension longer than 1 has the stride a fresh array of the same shape and
   * order would have. Dimensions of length 1 are skipped: ND4J gives them a stride of 1 in fresh
   * arrays and the row length in reshaped views ([1, n] as [n, 1]), and either is dense.
   */
  private static boolean dense(INDArray array) {
    if (array.length() == 0) {
      return false;
    }
    long[] shape = array.shape();
    long[] stride = array.stride();
    boolean c = array.ordering() == 'c';
    long expected = 1;
    for (int i = 0; i < shape.length; i++) {
      int d = c ? shape.length - 1 - i : i;
      if (shape[d] != 1 && stride[d] != expected) {
        return false;
      }
      expected *= shape[d];
    }
    return true;
  }

  private static memory.desc vector(long length) {
    return new memory.desc(new long[] {length}, memory.data_type.f32, memory.format_tag.a);
  }

  private <T extends Pointer> T hold(T pointer) {
    keep.add(pointer);
    return pointer;
  }

  /** An array passed to {@link #run}: its layout and the primitive arguments it is bound to. */
  private record Slot(memory.desc desc, int[] args) {}

  /** What a primitive is made of: the primitive, its array slots and its constant inputs. */
  static final class Builder {
    private final memory.desc vector;
    private final List<Pointer> keep = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private final Map<Integer, memory> constants = new LinkedHashMap<>();
    private primitive primitive;

    Builder(memory.desc vector) {
      this.vector = vector;
      keep.add(vector);
    }

    memory.desc vector() {
      return vector;
    }

    /** The next array passed to {@link #run}, a vector bound to every one of {@code args}. */
    Builder slot(int... args) {
      return slot(vector, args);
    }

    /** The next array passed to {@link #run}, laid out as {@code desc}. */
    Builder slot(memory.desc desc, int... args) {
      slots.add(new Slot(hold(desc), args));
      return this;
    }

    /** A one-element input holding {@code value}, broadcast by binary primitives. */
    Builder constant(int arg, float value) {
      FloatPointer data = new FloatPointer(1).put(value);
      memory.desc scalar =
          new memory.desc(new long[] {1}, memory.data_type.f32, memory.format_tag.a);
      keep.add(data);
      keep.add(scalar);
      memory constant = new memory(scalar, OneDnn.engine(), data);
      keep.add(constant);
      constants.put(arg, constant);
      return this;
    }

    /** Keeps native objects the primitive was made from alive as long as it is. */
    <T extends Pointer> T hold(T pointer) {
      keep.add(pointer);
      return pointer;
    }

    Builder primitive(primitive primitive) {
      this.primitive = primitive;
      return this;
    }
  }
}
