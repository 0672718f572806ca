package dev.ossecaws.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The alert line of {@code replay --alerts} ({@link dev.ossecaws.replay.AlertLine}) as a
 * fixed Parquet schema, so every run's files read alike: {@code fields} a map of the decoder's
 * fields, {@code assignments} a list of name/value pairs, {@code rule} and {@code source} structs.
 */
final class AlertSchema {
  private AlertSchema() {}

  static final StructType SCHEMA = new StructType()
      .add("full_log", DataTypes.StringType)
      .add("hostname", DataTypes.StringType)
      .add("program_name", DataTypes.StringType)
      .add("log", DataTypes.StringType)
      .add("decoder", DataTypes.StringType)
      .add("fields", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
      .add("assignments", new ArrayType(new StructType()
          .add("name", DataTypes.StringType)
          .add("value", DataTypes.StringType), true))
      .add("rule", new StructType()
          .add("id", DataTypes.IntegerType)
          .add("level", DataTypes.IntegerType)
          .add("description", DataTypes.StringType)
          .add("groups", new ArrayType(DataTypes.StringType, true))
          .add("alert", DataTypes.BooleanType))
      .add("eventTime", DataTypes.StringType)
      .add("eventID", DataTypes.StringType)
      .add("account", DataTypes.StringType)
      .add("region", DataTypes.StringType)
      .add("source", new StructType()
          .add("path", DataTypes.StringType)
          .add("record", DataTypes.LongType));
}
