package io.zarrspark.core.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Where metadata documents come from: the store itself, or consolidated metadata read once, so
 * that opening a hierarchy of many arrays costs one request instead of one per node.
 */
public interface MetadataSource {

  /** The parsed document at a store key ({@code a/b/zarr.json}, {@code a/.zarray}), if present. */
  Optional<JsonNode> document(String key);

  /** Names of the child nodes of a node path. */
  List<String> childNames(String nodePath);

  /** Whether documents come from consolidated metadata (and so may lag the store). */
  boolean consolidated();
}
