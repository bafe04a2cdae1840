using Iomete.Iceberg.Json;
using Iomete.Iceberg.Views;
using Iomete.Testing;

namespace Iomete.Iceberg.Tests.Views;

/// <summary>The spec's view-metadata fixtures (read from the shared folder, never copied).</summary>
public sealed class ViewMetadataJsonTests
{
    internal static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(Requires.SharedFolder(), "specs", "iceberg", "fixtures", "view", name));

    [Fact]
    public void ValidViewMetadata_ParsesEveryMember()
    {
        var metadata = ViewMetadataJson.Parse(Fixture("ValidViewMetadata.json"));

        Assert.Equal(Guid.Parse("fa6506c3-7681-40c8-86dc-e36561f83385"), metadata.ViewUuid);
        Assert.Equal(1, metadata.FormatVersion);
        Assert.Equal("s3://bucket/test/location", metadata.Location);
        Assert.Equal("some-comment", metadata.Properties["comment"]);
        Assert.Equal(2, metadata.CurrentVersionId);
        Assert.Equal([1, 2], metadata.Versions.Select(v => v.VersionId));
        var current = metadata.CurrentVersion;
        Assert.Equal(5555, current.TimestampMs);
        Assert.Equal("some-catalog", current.DefaultCatalog);
        Assert.Empty(current.DefaultNamespace);
        Assert.Equal("some-user", current.Summary["user"]);
        Assert.Equal(new SqlViewRepresentation("select 1 id, 'abc' data", "spark-sql"), Assert.Single(current.Representations));
        Assert.Equal(["x", "y", "z"], metadata.CurrentSchema.Fields.Select(f => f.Name));
        Assert.Equal([new ViewHistoryEntry(1, 4353), new ViewHistoryEntry(2, 5555)], metadata.VersionLog);
    }

    [Fact]
    public void ValidViewMetadata_WriteParseWrite_GivesTheSameText()
    {
        var first = ViewMetadataJson.ToJson(ViewMetadataJson.Parse(Fixture("ValidViewMetadata.json")));
        var second = ViewMetadataJson.ToJson(ViewMetadataJson.Parse(first));

        Assert.Equal(first, second);
        Assert.Contains("\"default-catalog\":\"some-catalog\"", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ViewMetadataInvalidCurrentSchema.json", "cannot find current schema with id 1234")]
    [InlineData("ViewMetadataInvalidCurrentVersion.json", "cannot find current version 1234")]
    [InlineData("ViewMetadataMissingCurrentVersion.json", "missing required member 'current-version-id'")]
    [InlineData("ViewMetadataMissingLocation.json", "missing required member 'location'")]
    [InlineData("ViewMetadataMultipleSQLsForDialect.json", "cannot add multiple queries for dialect spark-sql")]
    public void InvalidFixture_FailsWithTheReasonItsNameGives(string name, string reason)
    {
        var ex = Assert.Throws<IcebergFormatException>(() => ViewMetadataJson.Parse(Fixture(name)));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"format-version\": 1", "\"format-version\": 2", "unsupported view format version 2")]
    [InlineData("\"type\": \"sql\",\n          \"sql\": \"select 1 id", "\"type\": \"substrait\",\n          \"sql\": \"select 1 id", "unknown view representation type 'substrait'")]
    [InlineData("\"view-uuid\": \"fa6506c3-7681-40c8-86dc-e36561f83385\"", "\"view-uuid\": \"not-a-uuid\"", "expected a UUID string")]
    [InlineData("\"version-id\": 2,", "\"version-id\": 1,", "duplicate version id 1")]
    public void ValidFixture_WithOneMemberBroken_Fails(string from, string to, string reason)
    {
        var json = Fixture("ValidViewMetadata.json");
        Assert.Contains(from, json, StringComparison.Ordinal);

        var ex = Assert.Throws<IcebergFormatException>(() => ViewMetadataJson.Parse(json.Replace(from, to, StringComparison.Ordinal)));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dialects_DifferingOnlyInCase_AreTheSameDialect()
    {
        var json = Fixture("ValidViewMetadata.json").Replace(
            "\"dialect\": \"spark-sql\"\n        }\n      ]\n    }\n  ],",
            "\"dialect\": \"spark-sql\"\n        },\n        {\"type\": \"sql\", \"sql\": \"select 2\", \"dialect\": \"SPARK-SQL\"}\n      ]\n    }\n  ],",
            StringComparison.Ordinal);
        var ex = Assert.Throws<IcebergFormatException>(() => ViewMetadataJson.Parse(json));
        Assert.Contains("multiple queries for dialect spark-sql", ex.Message, StringComparison.Ordinal);
    }
}
