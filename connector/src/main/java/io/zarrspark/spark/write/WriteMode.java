package io.zarrspark.spark.write;

/** What a write does to the path: decided on the driver from the save mode and what is stored. */
public enum WriteMode {
  /** Nothing is stored at the path: write a new group. */
  CREATE,
  /** A group is stored: replace it (deleted when the job starts) with a new one. */
  OVERWRITE,
  /** A group is stored: write into its arrays, growing them. */
  APPEND
}
