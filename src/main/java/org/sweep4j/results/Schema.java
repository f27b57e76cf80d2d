package org.sweep4j.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A table's schema, each column declared once: its name, its type and how a row yields its value.
 * Rows are read back by column name, so the order of the declarations is the files' column order
 * and nothing else.
 *
 * @param <R> the row record
 */
public final class Schema<R> {
  private record Field<R>(Column column, Function<R, ?> value) {}

  private final String table;
  private final List<Field<R>> fields;
  private final Function<Values, R> reader;

  private Schema(String table, List<Field<R>> fields, Function<Values, R> reader) {
    this.table = table;
    this.fields = List.copyOf(fields);
    this.reader = reader;
  }

  /** Starts the schema of {@code table}. */
  public static <R> Builder<R> table(String table) {
    return new Builder<>(table);
  }

  public String table() {
    return table;
  }

  public List<Column> columns() {
    return fields.stream().map(Field::column).toList();
  }

  /** The schema as files written before any column {@linkplain Builder#addedLater added later}. */
  Schema<R> original() {
    return new Schema<>(
        table, fields.stream().filter(f -> !f.column().optional()).toList(), reader);
  }

  /** The row's values in column order. */
  Object[] values(R row) {
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = fields.get(i).value().apply(row);
    }
    return values;
  }

  /** A row from its values by column name. */
  R read(Values values) {
    return reader.apply(values);
  }

  /** Declares columns in order. */
  public static final class Builder<R> {
    private final String table;
    private final List<Field<R>> fields = new ArrayList<>();

    private Builder(String table) {
      this.table = table;
    }

    public Builder<R> string(String name, Function<R, String> value) {
      return add(Column.string(name), value);
    }

    public Builder<R> integer(String name, Function<R, Integer> value) {
      return add(Column.integer(name), value);
    }

    public Builder<R> longInt(String name, Function<R, Long> value) {
      return add(Column.longInt(name), value);
    }

    public Builder<R> number(String name, Function<R, Double> value) {
      return add(Column.number(name), value);
    }

    public Builder<R> timestamp(String name, Function<R, Instant> value) {
      return add(Column.timestamp(name), value);
    }

    /**
     * Marks the column declared last as added in a later version: older files lack it, and it reads
     * as null.
     */
    public Builder<R> addedLater() {
      Field<R> last = fields.remove(fields.size() - 1);
      fields.add(new Field<>(last.column().addedLater(), last.value()));
      return this;
    }

    /** Completes the schema with how a row is made from its stored values. */
    public Schema<R> readBy(Function<Values, R> reader) {
      return new Schema<>(table, fields, reader);
    }

    private Builder<R> add(Column column, Function<R, ?> value) {
      if (fields.stream().anyMatch(f -> f.column().name().equals(column.name()))) {
        throw new IllegalArgumentException(table + " declares column " + column.name() + " twice");
      }
      fields.add(new Field<>(column, value));
      return this;
    }
  }

  /** One stored row's values by column name; a column an older file lacks reads as null. */
  public static final class Values {
    private final Map<String, Object> byName;

    Values(Map<String, Object> byName) {
      this.byName = byName;
    }

    public String string(String name) {
      return get(name, String.class);
    }

    public Integer integer(String name) {
      return get(name, Integer.class);
    }

    public Long longInt(String name) {
      return get(name, Long.class);
    }

    public Double number(String name) {
      return get(name, Double.class);
    }

    public Instant timestamp(String name) {
      return get(name, Instant.class);
    }

    private <T> T get(String name, Class<T> type) {
      if (!byName.containsKey(name)) {
        throw new IllegalArgumentException("no column " + name + " in this table");
      }
      return type.cast(byName.get(name));
    }
  }
}
