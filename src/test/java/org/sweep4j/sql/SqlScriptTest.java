package org.sweep4j.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsAtSemicolonsOutsideQuotesAndComments() {
    String text =
        """
        -- ranking; per activation
        select activation, ';' as s from trials;
        /* a block; comment */ select `odd;name` from epochs where x = 'it''s; fine'
        ;  ;
        select "a;b" -- trailing; comment
        """;
    assertEquals(
        List.of(
            "-- ranking; per activation\nselect activation, ';' as s from trials",
            "/* a block; comment */ select `odd;name` from epochs where x = 'it''s; fine'",
            "select \"a;b\" -- trailing; comment"),
        SqlScript.statements(text));
  }

  @Test
  void commentOnlyTextHasNoStatements() {
    assertEquals(List.of(), SqlScript.statements("-- nothing here;\n/* nor; here */\n;"));
  }
}
