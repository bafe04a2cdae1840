using System.Text.Json.Nodes;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Tests.Json;
using Iomete.Iceberg.Types;
using Iomete.Iceberg.Views;

namespace Iomete.Iceberg.Tests.Views;

public sealed class ViewCommitJsonWriteTests
{
    private static readonly Guid Uuid = Guid.Parse("2cc52516-5e73-41f2-b139-545d41a4e151");

    private static readonly TableUpdate[] AllUpdates =
    [
        new AssignUuid(Uuid),
        new UpgradeFormatVersion(1),
        new AddSchema(new Schema(1, [new NestedField(1, "x", true, IcebergTypes.Long)])),
        new SetLocation("s3://b/views/v"),
        new SetProperties(new Dictionary<string, string> { ["comment"] = "daily" }),
        new RemoveProperties(["comment"]),
        new AddViewVersion(new ViewVersion(2, 1_700_000_000_000, TableUpdate.LastAdded,
            new Dictionary<string, string> { ["engine-name"] = "duckdb" },
            [new SqlViewRepresentation("SELECT 1 AS x", "duckdb"), new SqlViewRepresentation("select 1 as x", "spark")],
            "spark_catalog", ["sales"])),
        new AddViewVersion(new ViewVersion(1, 5, 0, new Dictionary<string, string>(), [new SqlViewRepresentation("select 1", "spark")], null, [])),
        new SetCurrentViewVersion(TableUpdate.LastAdded),
    ];

    public static TheoryData<TableUpdate> Updates() => [.. AllUpdates];

    [Theory]
    [MemberData(nameof(Updates))]
    public void EveryViewUpdate_WrittenThenRead_IsEqual(TableUpdate update)
    {
        var json = ViewCommitJson.UpdateToJson(update);

        DeepEquality.AssertEqual(update, ViewCommitJson.ParseUpdate(json));
        Assert.Equal(update.Action, JsonNode.Parse(json)!["action"]!.GetValue<string>());
    }

    [Fact]
    public void AssertViewUuid_WrittenThenRead_IsEqual()
    {
        var requirement = new AssertViewUuid(Uuid);

        Assert.Equal(requirement, ViewCommitJson.ParseRequirement(ViewCommitJson.RequirementToJson(requirement)));
    }

    [Fact]
    public void Lists_WrittenThenRead_KeepOrder()
    {
        var updates = AllUpdates.ToList();

        var json = JsonWrite.ToString(w => ViewCommitJson.WriteUpdates(w, updates));
        var requirements = JsonWrite.ToString(w => ViewCommitJson.WriteRequirements(w, [new AssertViewUuid(Uuid)]));

        DeepEquality.AssertEqual(updates, ViewCommitJson.ReadUpdates(JsonNode.Parse(json), "$").ToList());
        Assert.Equal([new AssertViewUuid(Uuid)], ViewCommitJson.ReadRequirements(JsonNode.Parse(requirements), "$"));
    }

    [Fact]
    public void ATableOnlyUpdate_IsNotAViewUpdate()
    {
        Assert.Throws<ArgumentException>(() => ViewCommitJson.UpdateToJson(new SetCurrentSchema(0)));
    }
}
