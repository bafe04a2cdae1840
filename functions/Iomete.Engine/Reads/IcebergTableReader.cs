using DuckDB.NET.Data;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Scan;

namespace Iomete.Engine.Reads;

/// <summary>
/// Makes an Iceberg table snapshot queryable in DuckDB without the iceberg extension: the scan planner picks the live
/// data files (pruned by the filter) and their delete files; the relation reads them with <c>read_parquet</c> mapping
/// columns by Iceberg field id (renamed columns take their new names, columns a file lacks read as NULL), removes
/// position-deleted rows (anti-join on <c>file_row_number</c>) and equality-deleted rows (anti-join on the equality
/// columns, NULL equal to NULL), and applies the filter to the rows. Local warehouses only (files are opened by path).
/// </summary>
public sealed class IcebergTableReader(TableFileIO io, ScanPlanner planner)
{
    /// <summary>
    /// Plans a read of <paramref name="snapshotId"/> (null = the current snapshot). Time travel (a snapshot id given)
    /// reads with the schema that snapshot was written with; the current snapshot reads with the current schema.
    /// </summary>
    /// <exception cref="SnapshotNotFoundException">The snapshot does not exist.</exception>
    /// <exception cref="NotSupportedException">A field inside a struct, list or map was renamed (not followed yet).</exception>
    public async Task<TableReadPlan> PlanAsync(TableMetadata metadata, long? snapshotId, Expression? filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var scan = new TableScan(metadata)
        {
            SnapshotId = snapshotId,
            Filter = filter ?? Expression.True,
            UseSnapshotSchema = snapshotId is not null,
        };
        var plan = await planner.PlanAsync(scan, ct);
        NestedRenames.Refuse(metadata, plan.Schema);
        var byName = metadata.Schemas.All(s => s.Fields.SequenceEqual(plan.Schema.Fields));
        return new TableReadPlan(plan.Schema, plan, byName);
    }

    /// <summary>A SELECT that yields exactly the plan's rows with the plan schema's top-level columns and their DuckDB types.</summary>
    /// <exception cref="NotSupportedException">The warehouse is not a local folder, or the filter uses a transform or a type the SQL form lacks.</exception>
    public string RelationSql(TableReadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ReadSql.Build(plan, LocalPath);
    }

    /// <summary>
    /// <see cref="RelationSql"/> plus two provenance columns per row: <see cref="ReadSql.FileColumn"/> (the data file's
    /// Iceberg location) and <see cref="ReadSql.PositionColumn"/> (the row's 0-based position in that file), as position
    /// deletes name rows.
    /// </summary>
    public string RelationSqlWithProvenance(TableReadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var prefix = LocalRoot().TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return ReadSql.Build(plan, LocalPath, file =>
            $"({DuckDbSchema.Literal(io.Root + "/")} || replace(substr({file}, {prefix.Length + 1}), {DuckDbSchema.Literal(Path.DirectorySeparatorChar.ToString())}, '/'))");
    }

    /// <summary>The local folder of the warehouse (for DuckDB's allowed directories).</summary>
    public string LocalRoot()
    {
        if (!io.IsLocal)
        {
            throw new NotSupportedException("Reading table files needs a local warehouse; object stores need DuckDB's httpfs extension, which this build lacks.");
        }
        return new Uri(io.Root).LocalPath;
    }

    /// <summary>Creates (or replaces) a TEMP VIEW <paramref name="viewName"/> over <see cref="RelationSql"/>.</summary>
    public async Task CreateViewAsync(DuckDBConnection connection, TableReadPlan plan, string viewName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(viewName);
        var sql = RelationSql(plan);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE OR REPLACE TEMP VIEW {DuckDbSchema.Quote(viewName)} AS {sql}";
        await command.ExecuteNonQueryAsync(ct);
    }

    private string LocalPath(string location)
    {
        var root = LocalRoot();
        return Path.Combine(root, io.KeyOf(location).Replace('/', Path.DirectorySeparatorChar));
    }
}
