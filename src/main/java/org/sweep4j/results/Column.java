package org.sweep4j.results;

/**
 * A column of a result table: its name and Parquet type. Every column may hold nulls; an {@code
 * optional} column (one added later) may also be missing from files written before it existed, and
 * reads as null there.
 */
public record Column(String name, Type type, boolean optional) {
  /** The column types the tables use, each mapped to a Parquet physical and logical type. */
  public enum Type {
    STRING,
    INT,
    LONG,
    DOUBLE,
    TIMESTAMP
  }

  public Column(String name, Type type) {
    this(name, type, false);
  }

  /** The same column, marked as missing from files older than it. */
  public Column addedLater() {
    return new Column(name, type, true);
  }

  public static Column string(String name) {
    return new Column(name, Type.STRING);
  }

  public static Column integer(String name) {
    return new Column(name, Type.INT);
  }

  public static Column longInt(String name) {
    return new Column(name, Type.LONG);
  }

  public static Column number(String name) {
    return new Column(name, Type.DOUBLE);
  }

  public static Column timestamp(String name) {
    return new Column(name, Type.TIMESTAMP);
  }
}
