namespace Iomete.Engine.Sql.Syntax;

public enum ShowKind
{
    Catalogs,
    Databases,
    Tables,
    Views,
    Columns,
    CreateTable,
    TblProperties,
    /// <summary><c>SHOW SNAPSHOTS FROM|IN t</c>: our extension, the table's snapshots.</summary>
    Snapshots,
}

/// <summary>
/// SHOW CATALOGS, SHOW DATABASES|SCHEMAS|NAMESPACES [FROM|IN cat] [LIKE 'p'], SHOW TABLES|VIEWS [FROM|IN db] [LIKE 'p'],
/// SHOW COLUMNS FROM|IN t, SHOW CREATE TABLE t, SHOW TBLPROPERTIES t, SHOW SNAPSHOTS FROM|IN t.
/// </summary>
public sealed record ShowStatement(ShowKind Kind, QualifiedName? Target, string? Like) : SqlStatement;

/// <summary>
/// <c>DESCRIBE|DESC [TABLE] [EXTENDED|FORMATTED] t</c> (<see cref="Table"/>), <c>DESCRIBE HISTORY t</c>
/// (<see cref="History"/>), or <c>DESCRIBE [QUERY] query</c> (<see cref="QuerySpan"/>).
/// </summary>
public sealed record DescribeStatement(QualifiedName? Table, bool Extended, TextSpan? QuerySpan, bool History) : SqlStatement;

public enum UseScope
{
    /// <summary><c>USE name</c>: a 2-part name is catalog.database; a 1-part name is resolved by the engine.</summary>
    Unspecified,
    Catalog,
    /// <summary><c>USE DATABASE|SCHEMA|NAMESPACE name</c>.</summary>
    Database,
}

/// <summary><c>USE [CATALOG|DATABASE|SCHEMA|NAMESPACE] name</c> (1–2 parts; CATALOG takes 1).</summary>
public sealed record UseStatement(QualifiedName Name, UseScope Scope) : SqlStatement;
