package io.zarrspark.core.hierarchy;

import io.zarrspark.core.array.ZarrArray;

/** A node of a Zarr hierarchy: an array or a group. */
public sealed interface Node permits Node.Array, Node.Group {

  String path();

  /** An array node. */
  record Array(ZarrArray array) implements Node {
    @Override
    public String path() {
      return array.path();
    }
  }

  /** A group node. */
  record Group(ZarrGroup group) implements Node {
    @Override
    public String path() {
      return group.path();
    }
  }
}
