using Iomete.Functions.Core.Common;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Core.Tests.Common;

public sealed class ResourceTagsTests
{
    [Fact]
    public void Validate_WithLabelSyntax_KeepsTags()
    {
        var errors = new FieldErrors();

        var tags = ResourceTags.Validate([new ResourceTag("team", "data-eng"), new ResourceTag("cost.center", "")], errors);

        Assert.False(errors.Any);
        Assert.Equal(2, tags.Count);
    }

    [Fact]
    public void Validate_WithBadTags_NamesEachField()
    {
        var errors = new FieldErrors();

        ResourceTags.Validate(
        [
            new ResourceTag("-team", "x"),
            new ResourceTag("ok", new string('v', 64)),
            new ResourceTag("dup", "a"),
            new ResourceTag("dup", "b"),
            new ResourceTag("", "a"),
        ], errors);

        var ex = Assert.Throws<ValidationException>(errors.ThrowIfAny);
        Assert.Equal(
            ["resourceTags[0].key", "resourceTags[1].value", "resourceTags[3].key", "resourceTags[4].key"],
            ex.Errors!.Keys.Order(StringComparer.Ordinal));
    }
}
