using Iomete.Functions.Core.Integrations.Email;
using Iomete.Functions.Core.Integrations.Webhooks;
using Iomete.Functions.Core.NodeTypes;
using Iomete.Functions.Core.SparkSettings;
using Iomete.Functions.Core.SystemConfig;
using Iomete.Functions.Core.Tests.Support;
using Iomete.Functions.Core.Volumes;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Testing;

namespace Iomete.Functions.Core.Tests.Postgres;

/// <summary>The Core stores on PostgreSQL: the same SQL (upserts, partial unique index, booleans) must hold there too.</summary>
[NeedsServices(TestService.Postgres)]
public sealed class CoreStoresOnPostgresTests
{
    private static readonly ListQuery All = new(0, 100, "name", false, null);

    private static async Task<CoreServices> StartAsync()
    {
        var server = await PostgresServer.SharedAsync();
        return CoreServices.Create(server.Settings(PostgresServer.NewDatabasePrefix()));
    }

    [ServiceFact]
    public async Task NodeTypes_SeedOnce_SoftDeleteFreesTheName_DuplicatesConflict()
    {
        await using var services = await StartAsync();
        var store = services.Get<NodeTypeStore>();

        Assert.Equal(8, (await store.ListAsync(All, null, CancellationToken.None)).Total);
        Assert.Equal(4, (await store.ListAsync(All, NodeTypeUsage.Executor, CancellationToken.None)).Total);
        var spec = new NodeTypeSpec("pg-type", null, 1000, 1024, [NodeTypeUsage.Driver], true, []);
        await store.CreateAsync(spec, CancellationToken.None);
        await Assert.ThrowsAsync<ConflictException>(() => store.CreateAsync(spec, CancellationToken.None));
        Assert.True(await store.DeleteAsync("pg-type", CancellationToken.None));
        Assert.True((await store.CreateAsync(spec, CancellationToken.None)).SpotInstance);

        await using var restarted = services.Sibling();
        Assert.Equal(9, (await restarted.Get<NodeTypeStore>().ListAsync(All, null, CancellationToken.None)).Total);
    }

    [ServiceFact]
    public async Task Volumes_SystemConfig_SparkSettings_Email_Webhooks_RoundTrip()
    {
        await using var services = await StartAsync();

        var volumes = services.Get<VolumeStore>();
        var volume = new VolumeSpec("pg-scratch", VolumeType.EmptyDir, null, null, "10Gi", true, null, null, []);
        Assert.True((await volumes.CreateAsync(volume, CancellationToken.None)).SchedulerReserved);
        await Assert.ThrowsAsync<ConflictException>(() => volumes.CreateAsync(volume, CancellationToken.None));

        var config = services.Get<SystemConfigStore>();
        var key = SystemConfigKeys.Find(SystemConfigKeys.AccessTokenLifetime)!;
        await config.SetAsync(key, "10", "a", CancellationToken.None);
        await config.SetAsync(key, "20", "b", CancellationToken.None);
        Assert.Equal(20, await services.Get<ISystemConfig>().GetIntAsync(key.Key, CancellationToken.None));

        var spark = services.Get<SparkSettingsStore>();
        var changes = SparkSettingRules.Validate(new SparkSettingsRequest([new SparkSettingInput("spark.secret", "v", true)]));
        await spark.ReplaceAsync(SparkSettingsStore.GlobalScope, changes, null, CancellationToken.None);
        var keep = SparkSettingRules.Validate(new SparkSettingsRequest([new SparkSettingInput("spark.secret", "*****", true)]));
        await spark.ReplaceAsync(SparkSettingsStore.GlobalScope, keep, null, CancellationToken.None);
        Assert.Equal("v", (await spark.GetEffectiveAsync(null, CancellationToken.None)).Single().Value);

        var email = services.Get<EmailSettingsStore>();
        var smtp = new SmtpSettings("smtp.example.com", 587, SmtpSecurity.Starttls, true, "u", "p", "a@example.com", null);
        await email.SaveAsync(smtp, null, CancellationToken.None);
        await email.SaveAsync(smtp with { Port = 2525 }, null, CancellationToken.None);
        Assert.Equal(2525, (await email.GetAsync(CancellationToken.None))!.Port);

        var webhooks = services.Get<WebhookStore>();
        var hook = new WebhookSpec("pg-hook", "https://hooks.example.com", WebhookKind.Slack, "s", false, ["*"], true);
        var created = await webhooks.CreateAsync(hook, CancellationToken.None);
        await Assert.ThrowsAsync<ConflictException>(() => webhooks.CreateAsync(hook, CancellationToken.None));
        Assert.Equal("s", (await webhooks.FindTargetAsync(created.Id, CancellationToken.None))!.Secret);
    }
}
