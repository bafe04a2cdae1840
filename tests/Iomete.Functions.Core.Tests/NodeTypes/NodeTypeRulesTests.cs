using Iomete.Functions.Core.NodeTypes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Core.Tests.NodeTypes;

public sealed class NodeTypeRulesTests
{
    [Fact]
    public void Validate_WithOnlyNameAndUsage_AppliesDefaults()
    {
        var spec = NodeTypeRules.Validate(new NodeTypeRequest("small", null, null, null, [NodeTypeUsage.Driver], null, null), null);

        Assert.Equal((1000, 1024, false), (spec.Cpu, spec.Memory, spec.SpotInstance));
    }

    [Fact]
    public void Validate_WithBadFields_NamesThemAll()
    {
        var ex = Assert.Throws<ValidationException>(() => NodeTypeRules.Validate(
            new NodeTypeRequest("Bad_Name", new string('d', 1025), 9, 899, [], null, null), null));

        Assert.Equal(["availableFor", "cpu", "description", "memory", "name"], ex.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_OnUpdateWithOtherName_RejectsRename()
    {
        var ex = Assert.Throws<ValidationException>(() => NodeTypeRules.Validate(
            new NodeTypeRequest("other", null, null, null, [NodeTypeUsage.Driver], null, null), "small"));

        Assert.Contains("name", ex.Errors!.Keys);
    }

    [Fact]
    public void Validate_WithNameOver255_IsRejected()
    {
        var ex = Assert.Throws<ValidationException>(() => NodeTypeRules.Validate(
            new NodeTypeRequest(new string('a', 256), null, null, null, [NodeTypeUsage.Driver], null, null), null));

        Assert.Contains("name", ex.Errors!.Keys);
    }
}
