package org.sweep4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureCatalogTest {
  @Test
  void namesComeFromClassNames() {
    assertEquals("small_cnn", ArchitectureCatalog.nameOf("SmallCnn"));
    assertEquals("res_net20", ArchitectureCatalog.nameOf("ResNet20"));
  }

  @Test
  void findsEveryRegisteredClassIncludingOneRegisteredOnlyByTheTests() {
    assertEquals(
        List.of("deep_cnn", "small_cnn", "tiny_cnn"),
        Architecture.all().stream().map(Architecture::name).toList());
    assertEquals(
        "org.sweep4j.model.architectures.SmallCnn", Architecture.parse("Small-CNN").className());
  }

  @Test
  void unknownNameListsTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Architecture.parse("Wide_CNN"));
    assertEquals(
        "unknown architecture 'Wide_CNN' (valid: deep_cnn, small_cnn, tiny_cnn)", e.getMessage());
  }
}
