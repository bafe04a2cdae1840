using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Views;

namespace Iomete.Iceberg.Tests.Views;

public sealed class ViewCommitJsonTests
{
    [Theory]
    [InlineData("""{"action":"assign-uuid","uuid":"2cc52516-5e73-41f2-b139-545d41a4e151"}""", typeof(AssignUuid))]
    [InlineData("""{"action":"upgrade-format-version","format-version":1}""", typeof(UpgradeFormatVersion))]
    [InlineData("""{"action":"add-schema","schema":{"type":"struct","schema-id":1,"fields":[{"id":1,"name":"x","required":true,"type":"long"}]}}""", typeof(AddSchema))]
    [InlineData("""{"action":"set-location","location":"s3://b/new"}""", typeof(SetLocation))]
    [InlineData("""{"action":"set-properties","updates":{"a":"1"}}""", typeof(SetProperties))]
    [InlineData("""{"action":"remove-properties","removals":["a"]}""", typeof(RemoveProperties))]
    [InlineData("""{"action":"add-view-version","view-version":{"version-id":1,"timestamp-ms":5,"schema-id":-1,"summary":{},"default-namespace":["ns"],"representations":[{"type":"sql","sql":"select 1","dialect":"spark"}]}}""", typeof(AddViewVersion))]
    [InlineData("""{"action":"set-current-view-version","view-version-id":-1}""", typeof(SetCurrentViewVersion))]
    public void EveryViewAction_ParsesFromSpecShapedJson(string json, Type expected)
    {
        Assert.IsType(expected, ViewCommitJson.ParseUpdate(json));
    }

    [Theory]
    [InlineData("""{"action":"set-current-schema","schema-id":0}""", "unknown view update action 'set-current-schema'")]
    [InlineData("""{"action":"add-snapshot","snapshot":{}}""", "unknown view update action 'add-snapshot'")]
    [InlineData("""{"action":"make-it-so"}""", "unknown view update action 'make-it-so'")]
    [InlineData("""{"action":"set-current-view-version"}""", "missing required member 'view-version-id'")]
    [InlineData("""{"action":"add-view-version","view-version":{"version-id":1,"timestamp-ms":5,"schema-id":0,"summary":{},"default-namespace":[],"representations":[]}}""", "at least one representation")]
    [InlineData("""{"action":"add-view-version","view-version":{"version-id":1,"timestamp-ms":5,"schema-id":0,"summary":{},"representations":[{"type":"sql","sql":"s","dialect":"d"}]}}""", "missing required member 'default-namespace'")]
    public void TableOnlyUnknownOrIncompleteActions_AreFormatErrors(string json, string reason)
    {
        var ex = Assert.Throws<IcebergFormatException>(() => ViewCommitJson.ParseUpdate(json));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertViewUuid_Parses_AndOtherRequirementTypesAreFormatErrors()
    {
        var requirement = Assert.IsType<AssertViewUuid>(ViewCommitJson.ParseRequirement("""{"type":"assert-view-uuid","uuid":"2cc52516-5e73-41f2-b139-545d41a4e151"}"""));
        Assert.Equal(Guid.Parse("2cc52516-5e73-41f2-b139-545d41a4e151"), requirement.Uuid);

        var ex = Assert.Throws<IcebergFormatException>(() => ViewCommitJson.ParseRequirement("""{"type":"assert-table-uuid","uuid":"2cc52516-5e73-41f2-b139-545d41a4e151"}"""));
        Assert.Contains("unknown view requirement type 'assert-table-uuid'", ex.Message, StringComparison.Ordinal);
    }
}
