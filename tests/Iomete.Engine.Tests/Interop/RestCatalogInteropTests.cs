using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Writes;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Engine.Tests.Interop;

/// <summary>
/// The whole write path as an engine uses it: a table created through the platform's REST catalog,
/// Parquet written by the engine, the snapshot committed through updateTable, and the independent
/// reader icebird (npm 0.3.1) reading the metadata file the catalog points at.
/// </summary>
public sealed class RestCatalogInteropTests
{
    private const string Catalog = "spark_catalog";

    [ServiceFact(TestService.Node)]
    public async Task EngineWritesThroughTheRestCatalog_AndIcebirdReadsTheRows()
    {
        await using var platform = await LocalPlatform.StartAsync();
        using var admin = await platform.LoginAsync();
        var io = platform.Services.GetRequiredService<TableFileIO>();
        var ns = "interop_" + Guid.NewGuid().ToString("N")[..6];
        var root = $"/catalogs/{Catalog}/v1/{Catalog}/namespaces";
        (await admin.PostAsJsonAsync(root, new { @namespace = new[] { ns } })).EnsureSuccessStatusCode();
        using (var create = await admin.PostAsync($"{root}/{ns}/tables", Json($$"""{"name":"rows","schema":{{SchemaJson.ToJson(TestTables.Schema)}}}""")))
        {
            Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        }

        await AppendAsync(admin, io, $"{root}/{ns}/tables/rows", TestTables.FirstBatch);
        var location = await AppendAsync(admin, io, $"{root}/{ns}/tables/rows", TestTables.SecondBatch);

        var rows = await IcebirdReadTests.ReadAsync(new Uri(location).LocalPath);
        Assert.Equal(IcebirdReadTests.Expected([.. TestTables.SecondBatch, .. TestTables.FirstBatch]), rows);
    }

    /// <summary>Writes the rows as Parquet and commits them as one appended snapshot; returns the new metadata location.</summary>
    private static async Task<string> AppendAsync(HttpClient admin, TableFileIO io, string tableUrl, IReadOnlyList<object?[]> rows)
    {
        using var loadedDoc = JsonDocument.Parse(await admin.GetStringAsync(tableUrl));
        var current = TableMetadataJson.Parse(loadedDoc.RootElement.GetProperty("metadata").GetRawText());
        var files = await new ParquetDataFileWriter(io).WriteRowsAsync(current, rows);
        var commit = await new AppendFiles(io).PrepareAsync(current, files);

        using var response = await admin.PostAsync(tableUrl, Json(CommitJson(commit, current.CurrentSnapshotId)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var committed = JsonDocument.Parse(body);
        Assert.Equal(commit.Snapshot.SnapshotId, committed.RootElement.GetProperty("metadata").GetProperty("current-snapshot-id").GetInt64());
        return committed.RootElement.GetProperty("metadata-location").GetString()!;
    }

    private static string CommitJson(SnapshotCommit commit, long? parent)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("requirements");
            writer.WriteStartObject();
            writer.WriteString("type", "assert-ref-snapshot-id");
            writer.WriteString("ref", commit.Branch);
            if (parent is { } p)
            {
                writer.WriteNumber("snapshot-id", p);
            }
            else
            {
                writer.WriteNull("snapshot-id");
            }
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartArray("updates");
            writer.WriteStartObject();
            writer.WriteString("action", "add-snapshot");
            writer.WritePropertyName("snapshot");
            TableMetadataJson.WriteSnapshot(writer, commit.Snapshot);
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("action", "set-snapshot-ref");
            writer.WriteString("ref-name", commit.Branch);
            writer.WriteString("type", "branch");
            writer.WriteNumber("snapshot-id", commit.Snapshot.SnapshotId);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
