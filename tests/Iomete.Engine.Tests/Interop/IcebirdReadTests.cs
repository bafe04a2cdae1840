using System.Globalization;
using System.Text.Json;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Writes;
using Iomete.Testing;

namespace Iomete.Engine.Tests.Interop;

/// <summary>The independent reader icebird (npm 0.3.1, hyparquet) reads tables the platform wrote itself.</summary>
public sealed class IcebirdReadTests : IDisposable
{
    private readonly Warehouse warehouse = new();
    private int version;

    public void Dispose() => warehouse.Dispose();

    [ServiceFact(TestService.Node)]
    public async Task Icebird_ReadsTwoAppendedSnapshots_WithTheRowsWeWrote()
    {
        var table = TestTables.New(warehouse.TableLocation("icebird_rows"));

        var (afterFirst, firstPath, _) = await AppendAsync(table, TestTables.FirstBatch);
        var first = await ReadAsync(firstPath);
        var (_, secondPath, _) = await AppendAsync(afterFirst, TestTables.SecondBatch);
        var second = await ReadAsync(secondPath);

        Assert.Equal(Expected(TestTables.FirstBatch), first);
        Assert.Equal(Expected([.. TestTables.SecondBatch, .. TestTables.FirstBatch]), second);
    }

    [ServiceFact(TestService.Node)]
    public async Task Icebird_ReadsAPartitionedTable()
    {
        var spec = new PartitionSpecBuilder(TestTables.Schema).Identity("name").Day("at").Bucket("id", 4).Build();
        var table = TestTables.New(warehouse.TableLocation("icebird_parts"), spec);
        var rows = TestTables.FirstBatch.Concat(TestTables.SecondBatch).ToList();

        var (_, path, files) = await AppendAsync(table, rows);

        Assert.Equal(rows.Count, files.Count);
        Assert.Equal(Expected(rows), await ReadAsync(path));
    }

    [ServiceFact(TestService.Node)]
    public async Task Icebird_SkipsFilesAnOverwriteRemoved()
    {
        var table = TestTables.New(warehouse.TableLocation("icebird_overwrite"));
        var (afterFirst, _, firstFiles) = await AppendAsync(table, TestTables.FirstBatch);
        var (afterSecond, _, _) = await AppendAsync(afterFirst, TestTables.SecondBatch);
        var replacement = await new ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(afterSecond, [TestTables.FirstBatch[0]]);

        var commit = await new OverwriteFiles(warehouse.IO).PrepareAsync(afterSecond, [.. firstFiles.Select(f => f.FilePath)], replacement);
        var path = await WriteMetadataAsync(commit.ApplyTo(afterSecond, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

        Assert.Equal(Expected([TestTables.FirstBatch[0], .. TestTables.SecondBatch]), await ReadAsync(path));
    }

    private async Task<(TableMetadata Table, string Path, IReadOnlyList<DataFile> Files)> AppendAsync(TableMetadata current, IReadOnlyList<object?[]> rows)
    {
        var files = await new ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(current, rows);
        var commit = await new AppendFiles(warehouse.IO).PrepareAsync(current, files);
        var next = commit.ApplyTo(current, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return (next, await WriteMetadataAsync(next), files);
    }

    private async Task<string> WriteMetadataAsync(TableMetadata table)
    {
        var location = $"{table.Location}/metadata/{++version:D5}-{Guid.NewGuid()}.metadata.json";
        await warehouse.IO.WriteAsync(location, System.Text.Encoding.UTF8.GetBytes(TableMetadataJson.ToJson(table)), CancellationToken.None);
        return warehouse.LocalPath(location);
    }

    internal static async Task<List<string>> ReadAsync(string metadataPath)
    {
        var output = await NodeTools.RunScriptAsync("icebird-read.mjs", [metadataPath], TimeSpan.FromSeconds(60));
        var json = output.Split('\n').Last(l => l.StartsWith('{'));
        return [.. JsonDocument.Parse(json).RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText())];
    }

    /// <summary>The rows as hyparquet decodes them: int64 as BigInt (printed as a string), dates and timestamps as JS Dates (ms), decimals as numbers.</summary>
    internal static List<string> Expected(IEnumerable<object?[]> rows) => [.. rows.Select(r => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = r[0],
        ["big"] = r[1] is long l ? l.ToString(CultureInfo.InvariantCulture) : null,
        ["name"] = r[2],
        ["score"] = r[3],
        ["active"] = r[4],
        ["day"] = r[5] is DateOnly d ? Js(d.ToDateTime(TimeOnly.MinValue)) : null,
        ["at"] = r[6] is DateTime t ? Js(t) : null,
        ["amount"] = r[7] is decimal m ? (double)m : null,
        ["at_tz"] = r[8] is DateTimeOffset o ? Js(o.UtcDateTime) : null,
    }))];

    private static string Js(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
