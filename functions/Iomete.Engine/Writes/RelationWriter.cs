using System.Globalization;
using DuckDB.NET.Data;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Writes;

/// <summary>
/// Writes the rows of a DuckDB relation as data files of a table's current schema and default spec: one file for an
/// unpartitioned table, one per partition otherwise (partition tuples computed by DuckDB with the transforms as SQL).
/// </summary>
public sealed class RelationWriter(TableFileIO io, string scratchDirectory, int? zstdLevel = null)
{
    public async Task<IReadOnlyList<DataFile>> WriteAsync(DuckDBConnection connection, TableMetadata table, string relationSql, CancellationToken ct)
    {
        var writer = new ParquetDataFileWriter(io, scratchDirectory) { ZstdLevel = zstdLevel };
        var spec = table.DefaultSpec;
        if (spec.Fields.Count == 0)
        {
            var file = await writer.WriteQueryAsync(connection, table, relationSql, null, ct);
            return file.RecordCount == 0 ? [] : [file];
        }
        var schema = table.CurrentSchema;
        var keys = spec.Fields.Select((f, i) => $"{PartitionSql.Of(f, schema)} AS __iomete_p{i}").ToList();
        var staged = $"(SELECT *, {string.Join(", ", keys)} FROM ({relationSql}) AS __iomete_rows)";
        var tuples = new List<object?[]>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT DISTINCT {string.Join(", ", spec.Fields.Select((_, i) => $"__iomete_p{i}"))} FROM {staged} AS s";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var values = new object?[spec.Fields.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                tuples.Add(values);
            }
        }
        var columns = string.Join(", ", schema.Fields.Select(f => DuckDbSchema.Quote(f.Name)));
        var files = new List<DataFile>(tuples.Count);
        foreach (var tuple in tuples)
        {
            var match = string.Join(" AND ", tuple.Select((v, i) => $"__iomete_p{i} IS NOT DISTINCT FROM {Literal(v)}"));
            var partition = spec.Fields.Select((f, i) => ToPartitionValue(f, table, tuple[i])).ToList();
            files.Add(await writer.WriteQueryAsync(connection, table, $"SELECT {columns} FROM {staged} AS s WHERE {match}", partition, ct));
        }
        return files;
    }

    private static object? ToPartitionValue(PartitionField field, TableMetadata table, object? value)
    {
        if (value is null)
        {
            return null;
        }
        var source = table.CurrentSchema.FindField(field.SourceId)!.Type;
        if (field.Transform is not IdentityTransform and not TruncateTransform)
        {
            return Convert.ToInt32(value, CultureInfo.InvariantCulture);
        }
        return value switch
        {
            DateOnly d => IcebergValues.Date(d),
            DateTime dt when source is PrimitiveType { Id: TypeId.Date } => IcebergValues.Date(DateOnly.FromDateTime(dt)),
            DateTime dt => IcebergValues.Timestamp(dt),
            DateTimeOffset dto => IcebergValues.TimestampTz(dto),
            TimeOnly t => IcebergValues.Time(t),
            TimeSpan ts => ts.Ticks / 10,
            short s => (int)s,
            sbyte b => (int)b,
            byte b => (int)b,
            _ => value,
        };
    }

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => DuckDbSchema.Literal(s),
        bool b => b ? "TRUE" : "FALSE",
        DateOnly d => $"DATE '{d:yyyy-MM-dd}'",
        DateTime dt => $"TIMESTAMP '{dt.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => DuckDbSchema.Literal(value.ToString() ?? ""),
    };
}
