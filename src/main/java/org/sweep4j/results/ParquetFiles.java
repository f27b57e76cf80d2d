package org.sweep4j.results;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes and reads one Parquet file of rows given as value arrays, with parquet-hadoop directly: no
 * Spark job is needed to record a trial, and the files are plain Parquet that Spark (or any reader)
 * accepts. Strings are UTF-8, timestamps microseconds since the epoch in UTC (Spark's
 * TimestampType).
 */
final class ParquetFiles {
  private ParquetFiles() {}

  static MessageType schema(String name, List<Column> columns) {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (Column column : columns) {
      switch (column.type()) {
        case STRING ->
            builder
                .optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named(column.name());
        case INT -> builder.optional(PrimitiveTypeName.INT32).named(column.name());
        case LONG -> builder.optional(PrimitiveTypeName.INT64).named(column.name());
        case DOUBLE -> builder.optional(PrimitiveTypeName.DOUBLE).named(column.name());
        case TIMESTAMP ->
            builder
                .optional(PrimitiveTypeName.INT64)
                .as(
                    LogicalTypeAnnotation.timestampType(
                        true, LogicalTypeAnnotation.TimeUnit.MICROS))
                .named(column.name());
        default -> throw new IllegalStateException("unhandled column type " + column.type());
      }
    }
    return builder.named(name);
  }

  static <R> void write(Path file, Configuration conf, Schema<R> table, List<R> rows)
      throws IOException {
    List<Column> columns = table.columns();
    MessageType schema = schema(table.table(), columns);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, conf))
            .withType(schema)
            .withConf(conf)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build()) {
      for (R row : rows) {
        Object[] values = table.values(row);
        Group group = groups.newGroup();
        for (int i = 0; i < columns.size(); i++) {
          append(group, columns.get(i), values[i]);
        }
        writer.write(group);
      }
    }
  }

  private static void append(Group group, Column column, Object value) {
    if (value == null) {
      return;
    }
    String name = column.name();
    switch (column.type()) {
      case STRING -> group.append(name, (String) value);
      case INT -> group.append(name, ((Number) value).intValue());
      case LONG -> group.append(name, ((Number) value).longValue());
      case DOUBLE -> group.append(name, ((Number) value).doubleValue());
      case TIMESTAMP -> {
        Instant instant = (Instant) value;
        group.append(name, instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
      }
      default -> throw new IllegalStateException("unhandled column type " + column.type());
    }
  }

  /** Why {@code file} is not a Parquet file whose footer reads, or empty when it is one. */
  static java.util.Optional<String> unreadable(Path file, Configuration conf) {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
      reader.getFooter();
      return java.util.Optional.empty();
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.of(String.valueOf(e.getMessage()));
    }
  }

  /** Reads every row; the file must have the schema's columns (extra columns are ignored). */
  static <R> List<R> read(Path file, Configuration conf, Schema<R> table) throws IOException {
    List<R> rows = new ArrayList<>();
    try (ParquetReader<Group> reader =
        ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
      Group group;
      while ((group = reader.read()) != null) {
        Map<String, Object> values = new HashMap<>();
        for (Column column : table.columns()) {
          values.put(column.name(), value(group, column, file));
        }
        rows.add(table.read(new Schema.Values(values)));
      }
    }
    return rows;
  }

  private static Object value(Group group, Column column, Path file) {
    String name = column.name();
    if (!group.getType().containsField(name)) {
      if (column.optional()) {
        return null;
      }
      throw new IllegalStateException(
          file + ": no column " + name + " (not a sweep4j results file?)");
    }
    if (group.getFieldRepetitionCount(name) == 0) {
      return null;
    }
    return switch (column.type()) {
      case STRING -> group.getString(name, 0);
      case INT -> group.getInteger(name, 0);
      case LONG -> group.getLong(name, 0);
      case DOUBLE -> group.getDouble(name, 0);
      case TIMESTAMP -> {
        long micros = group.getLong(name, 0);
        yield Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
      }
    };
  }
}
