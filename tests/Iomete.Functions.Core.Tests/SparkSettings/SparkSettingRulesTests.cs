using Iomete.Functions.Core.SparkSettings;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Core.Tests.SparkSettings;

public sealed class SparkSettingRulesTests
{
    private static IReadOnlyList<SparkSettingChange> Validate(params SparkSettingInput?[] settings) =>
        SparkSettingRules.Validate(new SparkSettingsRequest(settings));

    [Fact]
    public void Validate_AcceptsSparkAndHadoopKeys()
    {
        var changes = Validate(new SparkSettingInput("spark.sql.shuffle.partitions", "200", null),
            new SparkSettingInput("spark.hadoop.fs.s3a.access.key", "AK", true),
            new SparkSettingInput("spark.kubernetes.driver.label.app.kubernetes.io/name", "x", false));

        Assert.Equal(3, changes.Count);
        Assert.True(changes[1].Sensitive);
        Assert.False(changes[0].Sensitive);
    }

    [Fact]
    public void Validate_WithBadKeysAndValues_NamesEachField()
    {
        var ex = Assert.Throws<ValidationException>(() => Validate(
            new SparkSettingInput("hadoop.fs.x", "1", false),
            new SparkSettingInput("spark.has space", "1", false),
            new SparkSettingInput("spark.ok", null, false),
            new SparkSettingInput("spark.ok", "dup", false),
            new SparkSettingInput("spark.plain", "*****", false),
            new SparkSettingInput("spark..empty", "1", false),
            null));

        Assert.Equal(
            ["settings[0].key", "settings[1].key", "settings[2].value", "settings[3].key", "settings[4].value", "settings[5].key", "settings[6]"],
            ex.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_WithoutSettings_Is400()
    {
        var ex = Assert.Throws<ValidationException>(() => SparkSettingRules.Validate(new SparkSettingsRequest(null)));
        Assert.Contains("settings", ex.Errors!.Keys);
    }
}
