using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Views;

namespace Iomete.Iceberg.Tests.Views;

public sealed class ViewMetadataUpdaterTests
{
    private static readonly Schema SchemaXy = SchemaJson.Parse(
        """{"type":"struct","schema-id":0,"fields":[{"id":1,"name":"x","required":true,"type":"long"},{"id":2,"name":"y","required":false,"type":"string"}]}""");

    private static readonly Schema SchemaX = SchemaJson.Parse(
        """{"type":"struct","schema-id":0,"fields":[{"id":1,"name":"x","required":true,"type":"long"}]}""");

    private static ViewVersion Version(string sql, int schemaId = TableUpdate.LastAdded, long ts = 100, string dialect = "spark") =>
        new(1, ts, schemaId, new Dictionary<string, string> { ["engine-name"] = "spark" }, [new SqlViewRepresentation(sql, dialect)], "cat", ["ns"]);

    private static ViewMetadata NewView(long now = 1000) => ViewMetadataUpdater.Apply(null,
    [
        new AssignUuid(Guid.Parse("2cc52516-5e73-41f2-b139-545d41a4e151")),
        new SetLocation("s3://b/ns/v"),
        new SetProperties(new Dictionary<string, string> { ["comment"] = "c" }),
        new AddSchema(SchemaXy),
        new AddViewVersion(Version("select 1", ts: 100)),
        new SetCurrentViewVersion(TableUpdate.LastAdded),
    ], now);

    [Fact]
    public void NewView_FromUpdates_HasOneVersionCurrentAndLogged()
    {
        var view = NewView();

        Assert.Equal(Guid.Parse("2cc52516-5e73-41f2-b139-545d41a4e151"), view.ViewUuid);
        Assert.Equal("s3://b/ns/v", view.Location);
        Assert.Equal(1, view.CurrentVersionId);
        Assert.Equal(0, view.CurrentVersion.SchemaId);
        Assert.Equal([new ViewHistoryEntry(1, 100)], view.VersionLog);
        Assert.Equal("c", view.Properties["comment"]);
        Assert.Equal(view, ViewMetadataJson.Parse(ViewMetadataJson.ToJson(view)) with { Schemas = view.Schemas, Versions = view.Versions, VersionLog = view.VersionLog, Properties = view.Properties });
    }

    [Fact]
    public void NewView_WithoutAVersion_IsInvalid()
    {
        var ex = Assert.Throws<InvalidCommitException>(() => ViewMetadataUpdater.Apply(null, [new SetLocation("s3://b/v"), new AddSchema(SchemaX)], 1));
        Assert.Contains("no versions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceVersion_WithANewSchema_AddsSchemaAndVersionAndAppendsTheLog()
    {
        var view = ViewMetadataUpdater.Apply(NewView(), [new AddSchema(SchemaX), new AddViewVersion(Version("select x", ts: 200)), new SetCurrentViewVersion(-1)], 2000);

        Assert.Equal([0, 1], view.Schemas.Select(s => s.SchemaId));
        Assert.Equal(2, view.CurrentVersionId);
        Assert.Equal(1, view.CurrentVersion.SchemaId);
        Assert.Equal([new ViewHistoryEntry(1, 100), new ViewHistoryEntry(2, 200)], view.VersionLog);
    }

    [Fact]
    public void AddingAVersionIdenticalToAnOldOne_ReusesItsIdAndLogsNow()
    {
        var second = ViewMetadataUpdater.Apply(NewView(), [new AddViewVersion(Version("select 2", schemaId: 0, ts: 200)), new SetCurrentViewVersion(-1)], 2000);
        var back = ViewMetadataUpdater.Apply(second, [new AddViewVersion(Version("select 1", schemaId: 0, ts: 300) with { VersionId = 7 }), new SetCurrentViewVersion(-1)], 3000);

        Assert.Equal([1, 2], back.Versions.Select(v => v.VersionId));
        Assert.Equal(1, back.CurrentVersionId);
        Assert.Equal(new ViewHistoryEntry(1, 3000), back.VersionLog[^1]);
    }

    [Fact]
    public void SettingTheCurrentVersionAgain_ChangesNothing()
    {
        var view = NewView();
        var same = ViewMetadataUpdater.Apply(view, [new SetCurrentViewVersion(1)], 5000);

        Assert.Equal(view.VersionLog, same.VersionLog);
        Assert.Equal(ViewMetadataJson.ToJson(view), ViewMetadataJson.ToJson(same));
    }

    [Fact]
    public void VersionHistorySize_ExpiresTheOldestVersionsAndTheirLog()
    {
        var view = ViewMetadataUpdater.Apply(NewView(), [new SetProperties(new Dictionary<string, string> { [ViewMetadata.VersionHistorySizeProperty] = "2" })], 1);
        for (var i = 2; i <= 4; i++)
        {
            view = ViewMetadataUpdater.Apply(view, [new AddViewVersion(Version($"select {i}", schemaId: 0, ts: i * 100)), new SetCurrentViewVersion(-1)], i * 1000);
        }

        Assert.Equal([3, 4], view.Versions.Select(v => v.VersionId));
        Assert.Equal([3, 4], view.VersionLog.Select(e => e.VersionId));
        Assert.Equal(4, view.CurrentVersionId);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public void VersionHistorySize_ThatIsNotPositive_IsInvalid(string value)
    {
        Assert.Throws<InvalidCommitException>(() =>
            ViewMetadataUpdater.Apply(NewView(), [new SetProperties(new Dictionary<string, string> { [ViewMetadata.VersionHistorySizeProperty] = value })], 1));
    }

    [Fact]
    public void RemoveProperties_RemovesOnlyTheNamedKeys()
    {
        var view = ViewMetadataUpdater.Apply(NewView(), [new SetProperties(new Dictionary<string, string> { ["a"] = "1" }), new RemoveProperties(["comment", "missing"])], 1);

        Assert.Equal(["a"], view.Properties.Keys);
    }

    public static TheoryData<TableUpdate, string> BadUpdates => new()
    {
        { new AddViewVersion(Version("select 1", schemaId: 9)), "unknown schema: 9" },
        { new AddViewVersion(Version("select 1")), "no schema has been added" },
        { new SetCurrentViewVersion(-1), "no view version has been added" },
        { new SetCurrentViewVersion(42), "unknown version: 42" },
        { new AssignUuid(Guid.NewGuid()), "cannot reassign uuid" },
        { new UpgradeFormatVersion(2), "unsupported view format version 2" },
        { new SetLocation(" "), "location must not be empty" },
        { new SetCurrentSchema(0), "'set-current-schema' is not a view update" },
        {
            new AddViewVersion(Version("select 1", schemaId: 0) with
            {
                Representations = [new SqlViewRepresentation("select 1", "trino"), new SqlViewRepresentation("select 2", "Trino")],
            }),
            "multiple queries for dialect trino"
        },
    };

    [Theory]
    [MemberData(nameof(BadUpdates))]
    public void ABadUpdate_IsAnInvalidCommitNamingIt(TableUpdate update, string reason)
    {
        var ex = Assert.Throws<InvalidCommitException>(() => ViewMetadataUpdater.Apply(NewView(), [update], 1));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"updates[0] {update.Action}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertViewUuid_HoldsForTheSameUuid_AndConflictsOtherwise()
    {
        var view = NewView();
        new AssertViewUuid(view.ViewUuid).Check(view);

        var ex = Assert.Throws<CommitConflictException>(() => new AssertViewUuid(Guid.Empty).Check(view));
        Assert.Contains("assert-view-uuid", ex.Message, StringComparison.Ordinal);
    }
}
