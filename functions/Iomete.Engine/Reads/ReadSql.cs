using System.Globalization;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Scan;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Reads;

/// <summary>
/// The DuckDB SQL of a read plan. Data files that share the same delete files are read by one <c>read_parquet</c> with a
/// <c>schema</c> map from field id to name and type (so columns match by field id); a file with position deletes is read
/// on its own so its rows can be anti-joined on <c>file_row_number</c> against the delete rows naming its location.
/// </summary>
internal static class ReadSql
{
    /// <summary>The provenance columns <see cref="Build"/> adds when asked: the data file's Iceberg location and the row's position in it.</summary>
    public const string FileColumn = "__iomete_file";

    public const string PositionColumn = "__iomete_pos";

    public static string Build(TableReadPlan plan, Func<string, string> localPath, Func<string, string>? locationSql = null)
    {
        var schema = plan.Schema;
        var provenance = locationSql is not null;
        var byName = plan.ColumnsMatchByName;
        var columns = string.Join(", ", schema.Fields.Select(f => byName
                ? $"CAST(d.{DuckDbSchema.Quote(f.Name)} AS {DuckDbSchema.TypeOf(f.Type)}) AS {DuckDbSchema.Quote(f.Name)}"
                : "d." + DuckDbSchema.Quote(f.Name)))
            + (provenance ? $", {locationSql!("d.filename")} AS {FileColumn}, d.file_row_number AS {PositionColumn}" : "");
        if (plan.Scan.Tasks.Count == 0)
        {
            var nulls = string.Join(", ", schema.Fields.Select(f => $"CAST(NULL AS {DuckDbSchema.TypeOf(f.Type)}) AS {DuckDbSchema.Quote(f.Name)}"))
                + (provenance ? $", CAST(NULL AS VARCHAR) AS {FileColumn}, CAST(NULL AS BIGINT) AS {PositionColumn}" : "");
            return $"SELECT {nulls} WHERE false";
        }
        var unreadable = plan.Scan.Tasks.SelectMany(t => t.DeleteFiles.Prepend(t.DataFile)).FirstOrDefault(f => f.File.FileFormat != FileFormat.Parquet);
        if (unreadable is not null)
        {
            throw new NotSupportedException($"'{unreadable.File.FilePath}' is a {unreadable.File.FileFormat} file; only Parquet data and delete files are read");
        }
        var parts = new List<string>();
        foreach (var group in plan.Scan.Tasks.GroupBy(t => string.Join('\n', t.DeleteFiles.Select(d => d.File.FilePath)), StringComparer.Ordinal))
        {
            var deletes = group.First().DeleteFiles;
            var positions = deletes.Where(d => d.File.Content == FileContent.PositionDeletes).ToList();
            var equalities = deletes.Where(d => d.File.Content == FileContent.EqualityDeletes).ToList();
            var equalityCondition = string.Concat(equalities.Select(e => " AND " + EqualityAntiJoin(schema, e, localPath)));
            if (positions.Count == 0)
            {
                var files = group.Select(t => t.DataFile.File.FilePath);
                parts.Add($"SELECT {columns} FROM {ReadParquet(schema, files, localPath, rowNumbers: provenance, fileNames: provenance, byName)} AS d WHERE true{equalityCondition}");
                continue;
            }
            var positionFiles = List(positions.Select(p => localPath(p.File.FilePath)));
            foreach (var task in group)
            {
                var location = task.DataFile.File.FilePath;
                parts.Add($"SELECT {columns} FROM {ReadParquet(schema, [location], localPath, rowNumbers: true, fileNames: provenance, byName)} AS d "
                    + $"WHERE NOT EXISTS (SELECT 1 FROM read_parquet({positionFiles}) AS p "
                    + $"WHERE p.file_path = {DuckDbSchema.Literal(location)} AND p.pos = d.file_row_number){equalityCondition}");
            }
        }
        var union = string.Join(" UNION ALL ", parts);
        var names = string.Join(", ", schema.Fields.Select(f => "r." + DuckDbSchema.Quote(f.Name)))
            + (provenance ? $", r.{FileColumn}, r.{PositionColumn}" : "");
        var where = FilterSql.Of(schema, plan.Scan.BoundFilter);
        return $"SELECT {names} FROM ({union}) AS r WHERE {where}";
    }

    /// <summary>Rows of the data file that equal a row of the equality delete file on its equality columns (NULL equals NULL).</summary>
    private static string EqualityAntiJoin(Schema schema, ScanFile delete, Func<string, string> localPath)
    {
        var ids = delete.File.EqualityIds ?? [];
        var fields = ids.Select(id => schema.Fields.FirstOrDefault(f => f.Id == id)
            ?? throw new NotSupportedException($"Equality deletes on field {id} (not a top-level column of the read schema) are not applied")).ToList();
        if (fields.Count == 0)
        {
            throw new NotSupportedException($"Equality delete file '{delete.File.FilePath}' names no equality columns");
        }
        var map = SchemaMap(fields);
        var on = string.Join(" AND ", fields.Select(f => $"e.{DuckDbSchema.Quote(f.Name)} IS NOT DISTINCT FROM d.{DuckDbSchema.Quote(f.Name)}"));
        return $"NOT EXISTS (SELECT 1 FROM read_parquet({List([localPath(delete.File.FilePath)])}, schema = {map}) AS e WHERE {on})";
    }

    private static string ReadParquet(Schema schema, IEnumerable<string> locations, Func<string, string> localPath, bool rowNumbers, bool fileNames, bool byName) =>
        $"read_parquet({List(locations.Select(localPath))}{(byName ? "" : $", schema = {SchemaMap(schema.Fields)}")}{(rowNumbers ? ", file_row_number = true" : "")}{(fileNames ? ", filename = true" : "")})";

    /// <summary>read_parquet's <c>schema</c>: field id → name, DuckDB type and the value when a file lacks the column (NULL).</summary>
    private static string SchemaMap(IEnumerable<NestedField> fields) =>
        "MAP {" + string.Join(", ", fields.Select(f => string.Create(CultureInfo.InvariantCulture,
            $"{f.Id}: {{name: {DuckDbSchema.Literal(f.Name)}, type: {DuckDbSchema.Literal(DuckDbSchema.TypeOf(f.Type))}, default_value: NULL}}"))) + "}";

    private static string List(IEnumerable<string> paths) => "[" + string.Join(", ", paths.Select(DuckDbSchema.Literal)) + "]";
}
