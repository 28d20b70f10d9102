package io.zarrspark.spark.catalog;

import io.zarrspark.core.ZarrException;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.spark.ZarrOptions;
import io.zarrspark.spark.read.StoreSpec;
import io.zarrspark.spark.read.ZarrTable;
import io.zarrspark.spark.write.WriteTarget;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchFunctionException;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.connector.catalog.FunctionCatalog;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Zarr groups by path ({@code zarr.`/data/cube.zarr`}) and the {@code zarr_chunk} function writes
 * cluster by. Path-based reads and writes reach it through {@code SupportsCatalogOptions}, which
 * registers it on first use; {@code writeTo} and SQL need {@code spark.sql.catalog.zarr} set to
 * this class. Tables are the paths themselves: nothing is recorded besides what the store holds.
 */
public final class ZarrCatalog implements TableCatalog, FunctionCatalog {
  public static final String NAME = "zarr";
  private static final String OPTION_PREFIX = "option.";

  private String name = NAME;
  private Map<String, String> catalogOptions = Map.of();

  /**
   * Makes {@code spark.sql.catalog.zarr} point at this class unless it is set, and returns the
   * name. Set through {@code SQLConf.get()}: it is the conf of the session resolving the command,
   * which {@code SparkSession.active()} need not be.
   */
  public static String register() {
    SQLConf conf = SQLConf.get();
    String key = "spark.sql.catalog." + NAME;
    if (!conf.contains(key)) {
      conf.setConfString(key, ZarrCatalog.class.getName());
    }
    return NAME;
  }

  @Override
  public void initialize(String catalogName, CaseInsensitiveStringMap options) {
    this.name = catalogName;
    this.catalogOptions = Map.copyOf(options.asCaseSensitiveMap());
  }

  @Override
  public String name() {
    return name;
  }

  private static String pathOf(Identifier ident) {
    if (ident.namespace().length != 0) {
      throw new IllegalArgumentException("the zarr catalog names tables by path, as zarr.`/path/to/group.zarr`; got "
          + String.join(".", ident.namespace()) + "." + ident.name());
    }
    return ident.name();
  }

  /** Catalog-level options, then the reader's or writer's, then the path. */
  private Map<String, String> optionsOf(Identifier ident) {
    Map<String, String> o = new HashMap<>(catalogOptions);
    if (ident instanceof PathIdentifier) {
      o.putAll(((PathIdentifier) ident).options());
    }
    o.put("path", pathOf(ident));
    return o;
  }

  private static WriteTarget target(Map<String, String> options, Map<String, String> tableOptions, boolean created) {
    ZarrOptions o = ZarrOptions.parse(options);
    Configuration conf = SparkSession.active().sessionState().newHadoopConf();
    o.hadoopOptions().forEach(conf::set);
    String root = new FileSystemStore(o.path(), conf).root().toString();
    return new WriteTarget(o.path(), new StoreSpec(root, conf), tableOptions, created);
  }

  @Override
  public Table loadTable(Identifier ident) {
    Map<String, String> options = optionsOf(ident);
    try {
      return ZarrTable.open(ZarrOptions.parse(options));
    } catch (ZarrException e) {
      // Missing, or not readable as one table: still a place a write can create a group.
      return new ZarrPathTable(target(options, Map.of(), false), new StructType(), e);
    }
  }

  @Override
  public boolean tableExists(Identifier ident) {
    WriteTarget t = target(optionsOf(ident), Map.of(), false);
    return t.node().isPresent() || t.holdsOtherData();
  }

  @Override
  @SuppressWarnings("deprecation")
  public Table createTable(Identifier ident, StructType schema, Transform[] partitions, Map<String, String> properties) {
    if (partitions.length > 0) {
      throw new UnsupportedOperationException("zarr tables are not partitioned; drop PARTITIONED BY / partitionBy");
    }
    // SQL OPTIONS (...) arrive as "option."-prefixed table properties; they configure the write.
    Map<String, String> tableOptions = new HashMap<>();
    properties.forEach((k, v) -> {
      if (k.toLowerCase(Locale.ROOT).startsWith(OPTION_PREFIX)) {
        tableOptions.put(k.substring(OPTION_PREFIX.length()), v);
      }
    });
    Map<String, String> options = optionsOf(ident);
    options.putAll(tableOptions);
    return new ZarrPathTable(target(options, tableOptions, true), schema,
        new IllegalStateException("zarr: " + pathOf(ident) + " is being created and has no data yet"));
  }

  @Override
  public Table alterTable(Identifier ident, TableChange... changes) {
    throw new UnsupportedOperationException("zarr tables cannot be altered; rewrite the group with mode overwrite");
  }

  /**
   * Deletes nothing. Spark calls this after a failed CREATE TABLE AS SELECT, whose job abort has
   * already removed what it wrote, and before a replace, whose write (which then truncates)
   * replaces the group; it must never delete data a statement did not create.
   */
  @Override
  public boolean dropTable(Identifier ident) {
    return false;
  }

  @Override
  public void renameTable(Identifier oldIdent, Identifier newIdent) {
    throw new UnsupportedOperationException("zarr tables are paths; move the directory instead");
  }

  @Override
  public Identifier[] listTables(String[] namespace) {
    return new Identifier[0];
  }

  @Override
  public Identifier[] listFunctions(String[] namespace) throws NoSuchNamespaceException {
    return namespace.length == 0 ? new Identifier[] {Identifier.of(new String[0], ZarrChunkFunction.NAME)}
        : new Identifier[0];
  }

  @Override
  public UnboundFunction loadFunction(Identifier ident) throws NoSuchFunctionException {
    if (ident.namespace().length == 0 && ident.name().equalsIgnoreCase(ZarrChunkFunction.NAME)) {
      return new ZarrChunkFunction();
    }
    throw new NoSuchFunctionException(ident);
  }
}
