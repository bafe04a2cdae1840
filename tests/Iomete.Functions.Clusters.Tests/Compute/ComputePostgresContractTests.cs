using System.Net;
using Iomete.Functions.Clusters.Actors;
using Iomete.Functions.Clusters.Compute;
using Iomete.Functions.Clusters.Tests.Wiring;
using Microsoft.Extensions.DependencyInjection;
using static Iomete.Functions.Clusters.Tests.Compute.ComputeFixture;

namespace Iomete.Functions.Clusters.Tests.Compute;

/// <summary>Contract test of the lifecycle with the clusters database on PostgreSQL (the SQL runs on both engines).</summary>
public sealed class ComputePostgresContractTests(PostgresComputeFixture fixture) : IClassFixture<PostgresComputeFixture>
{
    [Fact]
    public async Task TheLifecycle_TheActivityLog_AndReminders_WorkOnPostgres()
    {
        if (!fixture.Started)
        {
            return;
        }
        await TestSecrets.EnsureAsync(fixture.Admin, null, "api");
        var created = await fixture.CreateAsync(extra: new() { ["envSecrets"] = new[]
        {
            new { key = "TOKEN", secretObject = new { key = "api", source = new { type = "KUBERNETES", id = (string?)null } } },
        } });
        var id = created.Str("id");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, Root,
            new { name = created.Str("name"), resourceBundleId = fixture.BundleId, driverType = "driver-small", executorType = "exec-small" });
        fixture.Kube.SetState(Namespace, App(id), "RUNNING");
        await fixture.WaitForStatusAsync(id, "ACTIVE");
        var reminders = fixture.Platform.Services.GetRequiredService<ActorReminders>();
        Assert.NotNull(await reminders.DueAsync(ComputeActors.ActorType, id, "auto-suspend", CancellationToken.None));
        var store = fixture.Platform.Services.GetRequiredService<ComputeClusterStore>();
        Assert.Equal("TOKEN", (await store.GetAsync(id, CancellationToken.None))!.Spec.EnvSecrets[0].Key);
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/terminate");
        var configured = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root}/{id}",
            new { version = created.GetProperty("version").GetInt64(), driverType = "driver-medium", executorType = "exec-small" });
        Assert.Equal("driver-medium", configured.Str("driverType"));
        // PUT replaces the whole definition: the secret was not given again.
        Assert.Empty(configured.GetProperty("envSecrets").EnumerateArray());
        var activities = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/activities");
        Assert.Equal(["CONFIGURE", "TERMINATE", "START"], activities.GetProperty("items").EnumerateArray().Select(a => a.Str("action")));
        Assert.Null(await reminders.DueAsync(ComputeActors.ActorType, id, "auto-suspend", CancellationToken.None));
        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root}/{id}");
    }
}
