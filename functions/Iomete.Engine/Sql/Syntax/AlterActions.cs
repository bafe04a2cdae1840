namespace Iomete.Engine.Sql.Syntax;

/// <summary>What an ALTER TABLE does. Column paths (<c>a.b</c>) address fields inside structs.</summary>
public abstract record AlterAction;

/// <summary><c>ADD [COLUMN] [IF NOT EXISTS] c type …</c> or Spark's <c>ADD COLUMNS (a t, b t)</c>.</summary>
public sealed record AddColumns(IReadOnlyList<ColumnDefinition> Columns, bool IfNotExists) : AlterAction;

/// <summary><c>DROP [COLUMN] [IF EXISTS] path</c>.</summary>
public sealed record DropColumn(IReadOnlyList<string> Path, bool IfExists) : AlterAction;

/// <summary><c>RENAME [COLUMN] path TO name</c>.</summary>
public sealed record RenameColumn(IReadOnlyList<string> Path, string NewName) : AlterAction;

/// <summary><c>ALTER [COLUMN] path [SET DATA] TYPE type</c>.</summary>
public sealed record AlterColumnType(IReadOnlyList<string> Path, string TypeText) : AlterAction;

/// <summary><c>ALTER [COLUMN] path SET NOT NULL</c> / <c>DROP NOT NULL</c>.</summary>
public sealed record SetColumnNullability(IReadOnlyList<string> Path, bool NotNull) : AlterAction;

/// <summary><c>RENAME TO name</c>.</summary>
public sealed record RenameTable(QualifiedName To) : AlterAction;

/// <summary><c>SET PARTITIONED BY (terms)</c>.</summary>
public sealed record SetPartitioning(IReadOnlyList<PartitionTerm> Terms) : AlterAction;

/// <summary><c>RESET PARTITIONED BY</c>: the table becomes unpartitioned.</summary>
public sealed record ResetPartitioning : AlterAction;

/// <summary>Spark's <c>ADD PARTITION FIELD term</c>.</summary>
public sealed record AddPartitionField(PartitionTerm Term) : AlterAction;

/// <summary>Spark's <c>DROP PARTITION FIELD term</c>.</summary>
public sealed record DropPartitionField(PartitionTerm Term) : AlterAction;

/// <summary><c>SET (k = v, …)</c> or <c>SET TBLPROPERTIES ('k' = 'v', …)</c>.</summary>
public sealed record SetProperties(IReadOnlyDictionary<string, string> Properties) : AlterAction;

/// <summary><c>RESET (k, …)</c> or <c>UNSET TBLPROPERTIES [IF EXISTS] ('k', …)</c>.</summary>
public sealed record UnsetProperties(IReadOnlyList<string> Keys, bool IfExists) : AlterAction;
