using System.Text.Json;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Writes;
using Iomete.Testing;

namespace Iomete.Engine.Tests.Interop;

/// <summary>The independent reader icebird (npm 0.3.1, hyparquet) reads a table the platform wrote itself.</summary>
public sealed class IcebirdReadTests : IDisposable
{
    private readonly Warehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [ServiceFact(TestService.Node)]
    public async Task Icebird_ReadsTwoAppendedSnapshots_WithTheRowsWeWrote()
    {
        var ct = CancellationToken.None;
        var table = TestTables.New(warehouse.TableLocation("icebird_rows"));
        var writer = new ParquetDataFileWriter(warehouse.IO);
        var append = new AppendFiles(warehouse.IO);
        var version = 0;
        async Task<(TableMetadata Table, string Path)> CommitAsync(TableMetadata current, IReadOnlyList<object?[]> rows)
        {
            var files = await writer.WriteRowsAsync(current, rows, ct);
            var commit = await append.PrepareAsync(current, files, ct: ct);
            var next = commit.ApplyTo(current, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var location = $"{next.Location}/metadata/{++version:D5}-{Guid.NewGuid()}.metadata.json";
            await warehouse.IO.WriteAsync(location, System.Text.Encoding.UTF8.GetBytes(TableMetadataJson.ToJson(next)), ct);
            return (next, warehouse.LocalPath(location));
        }

        var (afterFirst, firstPath) = await CommitAsync(table, TestTables.FirstBatch);
        var first = await ReadAsync(firstPath);
        var (_, secondPath) = await CommitAsync(afterFirst, TestTables.SecondBatch);
        var second = await ReadAsync(secondPath);

        Assert.Equal(Expected(TestTables.FirstBatch), first);
        Assert.Equal(Expected([.. TestTables.SecondBatch, .. TestTables.FirstBatch]), second);
    }

    private static async Task<List<string>> ReadAsync(string metadataPath)
    {
        var output = await NodeTools.RunScriptAsync("icebird-read.mjs", [metadataPath], TimeSpan.FromSeconds(60));
        var json = output.Split('\n').Last(l => l.StartsWith('{'));
        return [.. JsonDocument.Parse(json).RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText())];
    }

    /// <summary>The rows as hyparquet decodes them: int64 as BigInt (printed as a string), dates and timestamps as JS Dates (ms).</summary>
    private static List<string> Expected(IEnumerable<object?[]> rows) => [.. rows.Select(r => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = r[0],
        ["big"] = r[1] is long l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        ["name"] = r[2],
        ["score"] = r[3],
        ["active"] = r[4],
        ["day"] = r[5] is DateOnly d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) : null,
        ["at"] = r[6] is DateTime t ? t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) : null,
        ["amount"] = r[7] is decimal m ? (double)m : null,
        ["at_tz"] = r[8] is DateTimeOffset o ? o.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) : null,
    }))];
}
