using Dapper;
using Iomete.Functions.Core.SparkSettings;
using Iomete.Functions.Core.Tests.Support;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Core.Tests.SparkSettings;

public sealed class SparkSettingsStoreTests : IAsyncLifetime
{
    private readonly CoreServices _services = CoreServices.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private SparkSettingsStore Store => _services.Get<SparkSettingsStore>();

    private static IReadOnlyList<SparkSettingChange> Changes(params (string Key, string Value, bool Sensitive)[] settings) =>
        SparkSettingRules.Validate(new SparkSettingsRequest(settings.Select(s => (SparkSettingInput?)new SparkSettingInput(s.Key, s.Value, s.Sensitive)).ToList()));

    [Fact]
    public async Task Replace_RedactsSensitiveValues_AndEncryptsThemAtRest()
    {
        var saved = await Store.ReplaceAsync(SparkSettingsStore.GlobalScope,
            Changes(("spark.executor.memory", "4g", false), ("spark.hadoop.fs.s3a.secret.key", "TopSecret42", true)), "admin", CancellationToken.None);

        Assert.Equal([new SparkSettingView("spark.executor.memory", "4g", false), new SparkSettingView("spark.hadoop.fs.s3a.secret.key", "*****", true)], saved.Settings);
        var read = await Store.GetAsync(SparkSettingsStore.GlobalScope, CancellationToken.None);
        Assert.Equal(saved.Settings, read.Settings);
        Assert.Equal("admin", read.UpdatedBy);

        await using var connection = await _services.Get<IMetadataDb>().OpenAsync(CoreRegistration.Service, CancellationToken.None);
        var dump = string.Join("|", await connection.QueryAsync<string>("SELECT COALESCE(plain_value, '') || COALESCE(secret_value, '') FROM spark_settings"));
        Assert.DoesNotContain("TopSecret42", dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_WithPlaceholderForSensitiveKey_KeepsTheStoredValue()
    {
        await Store.ReplaceAsync(SparkSettingsStore.GlobalScope, Changes(("spark.secret", "original", true)), null, CancellationToken.None);

        await Store.ReplaceAsync(SparkSettingsStore.GlobalScope,
            Changes(("spark.secret", "*****", true), ("spark.other", "x", false)), null, CancellationToken.None);

        var effective = await Store.GetEffectiveAsync(null, CancellationToken.None);
        Assert.Equal("original", effective.Single(s => s.Key == "spark.secret").Value);
    }

    [Fact]
    public async Task Replace_WithPlaceholderButNothingStored_Is400()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            Store.ReplaceAsync(SparkSettingsStore.GlobalScope, Changes(("spark.secret", "*****", true)), null, CancellationToken.None));

        Assert.Contains("settings[0].value", ex.Errors!.Keys);
    }

    [Fact]
    public async Task Effective_MergesGlobalWithDomain_DomainWins()
    {
        await Store.ReplaceAsync(SparkSettingsStore.GlobalScope,
            Changes(("spark.a", "global-a", false), ("spark.b", "global-b", false)), null, CancellationToken.None);
        await Store.ReplaceAsync(SparkSettingsStore.DomainScope("sales"),
            Changes(("spark.b", "sales-b", true), ("spark.c", "sales-c", false)), null, CancellationToken.None);

        var sales = await Store.GetEffectiveAsync("sales", CancellationToken.None);
        var other = await Store.GetEffectiveAsync("other", CancellationToken.None);

        Assert.Equal(
            [
                new EffectiveSparkSetting("spark.a", "global-a", false, SparkSettingSource.Global),
                new EffectiveSparkSetting("spark.b", "sales-b", true, SparkSettingSource.Domain),
                new EffectiveSparkSetting("spark.c", "sales-c", false, SparkSettingSource.Domain),
            ],
            sales);
        Assert.Equal(["spark.a", "spark.b"], other.Select(s => s.Key));
        Assert.Empty((await Store.GetAsync(SparkSettingsStore.DomainScope("other"), CancellationToken.None)).Settings);
    }

    [Fact]
    public async Task Replace_WithEmptyList_ClearsTheScope()
    {
        await Store.ReplaceAsync(SparkSettingsStore.GlobalScope, Changes(("spark.a", "1", false)), null, CancellationToken.None);

        await Store.ReplaceAsync(SparkSettingsStore.GlobalScope, Changes(), null, CancellationToken.None);

        Assert.Empty((await Store.GetAsync(SparkSettingsStore.GlobalScope, CancellationToken.None)).Settings);
    }
}
