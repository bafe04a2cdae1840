using System.Net;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Types;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Integration.Tests.Journeys;

/// <summary>
/// Issue 3 as a data engineer meets it on the cluster engines (PostgreSQL metadata, S3 via s3rver):
/// namespaces, a partitioned table, schema evolution, an appended snapshot whose manifests live in S3,
/// a pruned server-side scan plan, a view over the table, a restart, then a purge that removes the files.
/// </summary>
public sealed class DataEngineerJourneyTests
{
    private const string Catalog = "spark_catalog";
    private const string Root = $"/catalogs/{Catalog}/v1/{Catalog}";

    [ServiceFact(TestService.Postgres, TestService.S3rver)]
    public async Task ADataEngineer_BuildsATable_PlansAScan_AndPurgesIt_AcrossARestart()
    {
        var postgres = await PostgresServer.SharedAsync();
        var s3 = await S3rverServer.SharedAsync();
        var settings = postgres.Settings(PostgresServer.NewDatabasePrefix());
        foreach (var (key, value) in s3.Settings("lake-" + Guid.NewGuid().ToString("N")[..8]))
        {
            settings[key] = value;
        }

        string metadataLocation;
        List<string> files;
        await using (var platform = await LocalPlatform.StartAsync(settings))
        {
            using var admin = await platform.LoginAsync();
            var io = platform.Services.GetRequiredService<TableFileIO>();
            await admin.PostJsonAsync($"{Root}/namespaces", new { @namespace = new[] { "sales" }, properties = new Dictionary<string, string> { ["owner"] = "data-eng" } }, HttpStatusCode.OK);

            var created = await admin.PostJsonAsync($"{Root}/namespaces/sales/tables", new Dictionary<string, object>
            {
                ["name"] = "orders",
                ["schema"] = new { type = "struct", fields = new object[] { Field(1, "id", "long", true), Field(2, "region", "string", false) } },
                ["partition-spec"] = new { fields = new object[] { new Dictionary<string, object> { ["source-id"] = 2, ["transform"] = "identity", ["name"] = "region" } } },
            }, HttpStatusCode.OK);
            var location = created.GetProperty("metadata").Str("location");
            Assert.StartsWith(io.Root, location, StringComparison.Ordinal);
            Assert.True(await io.ExistsAsync(created.Str("metadata-location"), CancellationToken.None));

            // Schema evolution, then an append whose manifest and manifest list are written to S3.
            await admin.PostJsonAsync($"{Root}/namespaces/sales/tables/orders", new
            {
                requirements = new object[] { new Dictionary<string, object> { ["type"] = "assert-current-schema-id", ["current-schema-id"] = 0 } },
                updates = new object[]
                {
                    new { action = "add-schema", schema = new { type = "struct", fields = new object[] { Field(1, "id", "long", true), Field(2, "region", "string", false), Field(3, "amount", "double", false) } } },
                    new Dictionary<string, object> { ["action"] = "set-current-schema", ["schema-id"] = -1 },
                },
            }, HttpStatusCode.OK);
            var committed = await AppendAsync(admin, io, [("eu", 1L, 50L), ("us", 51L, 90L)]);
            metadataLocation = committed.MetadataLocation;

            var plan = await admin.PostJsonAsync($"{Root}/namespaces/sales/tables/orders/plan",
                new { filter = new { type = "eq", term = "region", value = "us" } }, HttpStatusCode.OK);
            var planned = plan.GetProperty("file-scan-tasks").EnumerateArray().Select(t => t.GetProperty("data-file").Str("file-path")).ToList();
            Assert.Equal([$"{location}/data/us.parquet"], planned);

            await admin.PostJsonAsync($"{Root}/namespaces/sales/views", new Dictionary<string, object>
            {
                ["name"] = "eu_orders",
                ["schema"] = new { type = "struct", fields = new object[] { Field(1, "id", "long", true) } },
                ["view-version"] = new Dictionary<string, object>
                {
                    ["version-id"] = 1, ["timestamp-ms"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ["schema-id"] = 0,
                    ["summary"] = new Dictionary<string, string> { ["engine-name"] = "spark" },
                    ["default-namespace"] = new[] { "sales" },
                    ["representations"] = new object[] { new { type = "sql", sql = "SELECT id FROM orders WHERE region = 'eu'", dialect = "spark" } },
                },
                ["properties"] = new Dictionary<string, string>(),
            }, HttpStatusCode.OK);
            files = [metadataLocation, .. committed.Files];
        }

        await using (var platform = await LocalPlatform.StartAsync(settings))
        {
            using var admin = await platform.LoginAsync();
            var io = platform.Services.GetRequiredService<TableFileIO>();
            var loaded = await admin.GetJsonAsync($"{Root}/namespaces/sales/tables/orders");
            Assert.Equal(metadataLocation, loaded.Str("metadata-location"));
            var view = await admin.GetJsonAsync($"{Root}/namespaces/sales/views/eu_orders");
            Assert.Equal("SELECT id FROM orders WHERE region = 'eu'", view.GetProperty("metadata").GetProperty("versions")[0].GetProperty("representations")[0].Str("sql"));
            await admin.SendAsync(HttpMethod.Delete, $"{Root}/namespaces/sales", null, HttpStatusCode.Conflict);

            await admin.SendAsync(HttpMethod.Delete, $"{Root}/namespaces/sales/views/eu_orders", null, HttpStatusCode.NoContent);
            await admin.SendAsync(HttpMethod.Delete, $"{Root}/namespaces/sales/tables/orders?purgeRequested=true", null, HttpStatusCode.NoContent);
            foreach (var file in files)
            {
                Assert.False(await io.ExistsAsync(file, CancellationToken.None), file);
            }
            await admin.SendAsync(HttpMethod.Delete, $"{Root}/namespaces/sales", null, HttpStatusCode.NoContent);
        }
    }

    private static Dictionary<string, object> Field(int id, string name, string type, bool required) =>
        new() { ["id"] = id, ["name"] = name, ["type"] = type, ["required"] = required };

    /// <summary>One data file per region (written to S3 as a stand-in object), a manifest and a manifest list, committed through the REST catalog.</summary>
    private static async Task<(string MetadataLocation, List<string> Files)> AppendAsync(HttpClient admin, TableFileIO io, (string Region, long MinId, long MaxId)[] parts)
    {
        var loaded = await admin.GetJsonAsync($"{Root}/namespaces/sales/tables/orders");
        var metadata = TableMetadataJson.Parse(loaded.GetProperty("metadata").GetRawText());
        var id = new SnapshotIdGenerator().Next(metadata);
        var written = new List<string>();
        var writer = new ManifestWriter(metadata.CurrentSchema, metadata.DefaultSpec, id);
        foreach (var (region, min, max) in parts)
        {
            var path = $"{metadata.Location}/data/{region}.parquet";
            await io.WriteAsync(path, new byte[] { 1, 2, 3 }, CancellationToken.None);
            written.Add(path);
            writer.Add(new DataFile
            {
                FilePath = path,
                Partition = [region],
                RecordCount = max - min + 1,
                FileSizeInBytes = 3,
                LowerBounds = new Dictionary<int, byte[]> { [1] = SingleValue.Serialize(IcebergTypes.Long, min) },
                UpperBounds = new Dictionary<int, byte[]> { [1] = SingleValue.Serialize(IcebergTypes.Long, max) },
            });
        }
        var manifestPath = $"{metadata.Location}/metadata/{Guid.NewGuid():N}-m0.avro";
        var listPath = $"{metadata.Location}/metadata/snap-{id}-1-{Guid.NewGuid():N}.avro";
        using (var buffer = new MemoryStream())
        {
            var manifest = writer.Write(buffer, manifestPath);
            await io.WriteAsync(manifestPath, buffer.ToArray(), CancellationToken.None);
            using var list = new MemoryStream();
            ManifestListWriter.Write(list, id, null, 1, [manifest]);
            await io.WriteAsync(listPath, list.ToArray(), CancellationToken.None);
        }
        written.Add(manifestPath);
        written.Add(listPath);
        var committed = await admin.PostJsonAsync($"{Root}/namespaces/sales/tables/orders", new
        {
            requirements = new object[] { new Dictionary<string, object?> { ["type"] = "assert-ref-snapshot-id", ["ref"] = "main", ["snapshot-id"] = null } },
            updates = new object[]
            {
                new
                {
                    action = "add-snapshot",
                    snapshot = new Dictionary<string, object>
                    {
                        ["snapshot-id"] = id, ["sequence-number"] = 1, ["timestamp-ms"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                        ["manifest-list"] = listPath, ["summary"] = new Dictionary<string, string> { ["operation"] = "append" }, ["schema-id"] = metadata.CurrentSchemaId,
                    },
                },
                new Dictionary<string, object> { ["action"] = "set-snapshot-ref", ["ref-name"] = "main", ["type"] = "branch", ["snapshot-id"] = id },
            },
        }, HttpStatusCode.OK);
        return (committed.Str("metadata-location"), written);
    }
}
