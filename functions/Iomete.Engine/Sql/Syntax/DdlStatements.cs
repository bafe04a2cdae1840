namespace Iomete.Engine.Sql.Syntax;

/// <summary>
/// A column of CREATE TABLE or ALTER TABLE ADD COLUMN. <see cref="TypeText"/> is the type as written (nested types
/// included, Spark's <c>ARRAY&lt;INT&gt;</c> form kept); <see cref="DefaultSpan"/> the DEFAULT expression's text.
/// <see cref="Parent"/> is the path of the struct the column is added to (<c>ADD COLUMN a.b INT</c>: Parent [a], Name b).
/// </summary>
public sealed record ColumnDefinition(string Name, string TypeText, bool NotNull, string? Comment, TextSpan? DefaultSpan)
{
    public IReadOnlyList<string> Parent { get; init; } = [];

    public bool Equals(ColumnDefinition? other) =>
        other is not null && Name == other.Name && TypeText == other.TypeText && NotNull == other.NotNull
        && Comment == other.Comment && DefaultSpan == other.DefaultSpan && Parent.SequenceEqual(other.Parent);

    public override int GetHashCode() => HashCode.Combine(Name, TypeText, NotNull);
}

/// <summary>
/// A partition term: <see cref="Transform"/> is one of identity, bucket, truncate, year, month, day, hour, void;
/// <see cref="Column"/> the source column path; <see cref="Parameter"/> the bucket count or truncate width.
/// </summary>
public sealed record PartitionTerm(string Transform, IReadOnlyList<string> Column, int? Parameter)
{
    public bool Equals(PartitionTerm? other) =>
        other is not null && Transform == other.Transform && Parameter == other.Parameter && Column.SequenceEqual(other.Column);

    public override int GetHashCode() => HashCode.Combine(Transform, Parameter, string.Join('.', Column));
}

/// <summary>
/// <c>CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name [(columns)] [USING iceberg] [PARTITIONED BY (…)] [COMMENT 'c']
/// [LOCATION 'l'] [WITH (k = v, …) | TBLPROPERTIES ('k' = 'v', …)] [AS query]</c>.
/// </summary>
public sealed record CreateTableStatement(
    QualifiedName Name,
    bool OrReplace,
    bool IfNotExists,
    IReadOnlyList<ColumnDefinition> Columns,
    IReadOnlyList<PartitionTerm> PartitionBy,
    IReadOnlyDictionary<string, string> Properties,
    string? Comment,
    string? Location,
    TextSpan? QuerySpan) : SqlStatement;

/// <summary><c>CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name [(aliases)] [COMMENT 'c'] [TBLPROPERTIES (…)] AS query</c>.</summary>
public sealed record CreateViewStatement(
    QualifiedName Name,
    bool OrReplace,
    bool IfNotExists,
    IReadOnlyList<string> ColumnAliases,
    string? Comment,
    IReadOnlyDictionary<string, string> Properties,
    TextSpan QuerySpan) : SqlStatement;

/// <summary><c>CREATE SCHEMA|DATABASE|NAMESPACE [IF NOT EXISTS] [catalog.]db [COMMENT 'c'] [LOCATION 'l'] [WITH DBPROPERTIES|PROPERTIES (…)]</c>.</summary>
public sealed record CreateDatabaseStatement(
    QualifiedName Name,
    bool IfNotExists,
    string? Comment,
    string? Location,
    IReadOnlyDictionary<string, string> Properties) : SqlStatement;

/// <summary><c>DROP SCHEMA|DATABASE|NAMESPACE [IF EXISTS] [catalog.]db [CASCADE|RESTRICT]</c>.</summary>
public sealed record DropDatabaseStatement(QualifiedName Name, bool IfExists, bool Cascade) : SqlStatement;

/// <summary><c>DROP TABLE [IF EXISTS] t [PURGE|CASCADE]</c> (<see cref="Purge"/> for either).</summary>
public sealed record DropTableStatement(QualifiedName Name, bool IfExists, bool Purge) : SqlStatement;

/// <summary><c>DROP VIEW [IF EXISTS] v</c>.</summary>
public sealed record DropViewStatement(QualifiedName Name, bool IfExists) : SqlStatement;

/// <summary><c>ALTER TABLE t action</c>.</summary>
public sealed record AlterTableStatement(QualifiedName Name, AlterAction Action) : SqlStatement;
