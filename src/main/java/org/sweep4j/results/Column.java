package org.sweep4j.results;

/** A column of a result table: its name and Parquet type. Every column may hold nulls. */
public record Column(String name, Type type) {
  /** The column types the tables use, each mapped to a Parquet physical and logical type. */
  public enum Type { STRING, INT, LONG, DOUBLE, TIMESTAMP }

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
