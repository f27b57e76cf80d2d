package org.sweep4j.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Spark SQL of the exported notebooks: every Jupyter code cell that starts with the {@code
 * %%sql} magic.
 */
public final class NotebookQueries {
  public static final Path DIRECTORY = Path.of("notebooks-export");

  /** One query, and where it comes from ("file.ipynb, cell 4"). */
  public record Query(String source, String sql) {}

  private NotebookQueries() {}

  public static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  public static List<Query> of(Path notebook) throws IOException {
    JsonNode cells = new ObjectMapper().readTree(notebook.toFile()).path("cells");
    List<Query> queries = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      JsonNode cell = cells.get(i);
      if (!"code".equals(cell.path("cell_type").asText())) {
        continue;
      }
      JsonNode source = cell.path("source");
      StringBuilder text = new StringBuilder();
      if (source.isArray()) {
        source.forEach(line -> text.append(line.asText()));
      } else {
        text.append(source.asText());
      }
      String code = text.toString();
      if (code.startsWith("%%sql")) {
        int newline = code.indexOf('\n');
        queries.add(
            new Query(
                notebook.getFileName() + ", cell " + (i + 1),
                newline < 0 ? "" : code.substring(newline + 1)));
      }
    }
    return queries;
  }
}
