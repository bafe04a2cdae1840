using System.Net;
using Iomete.Functions.Clusters.Tests.Secrets;

namespace Iomete.Functions.Clusters.Tests.Notifications;

/// <summary>A job's notification recipients and its silence, through the API, with the job's own permissions.</summary>
public sealed class JobNotificationsApiTests(NoDataPlaneSettingsFixture fixture) : IClassFixture<NoDataPlaneSettingsFixture>
{
    private static string Root(string domain, string job) => $"/api/v2/domains/{domain}/spark/jobs/{job}/notifications";

    /// <summary>A job id placed in a new resource bundle of a new domain, as the jobs service registers its jobs.</summary>
    private async Task<(string Domain, string Bundle, string Job)> JobAsync()
    {
        var (domain, _) = await fixture.DomainAsync("jobs");
        var bundle = await fixture.BundleAsync(domain);
        var job = Guid.NewGuid().ToString();
        await fixture.AddAssetAsync(bundle, "SPARK_JOB", job);
        return (domain, bundle, job);
    }

    [Fact]
    public async Task Crud_OneSettingPerRecipient_DuplicateIs409WithIometesMessage()
    {
        var (domain, _, job) = await JobAsync();
        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain, job),
            new { email = "Ops@Example.com", events = new[] { "ON_FAILURE", "ON_SUCCESS", "ON_FAILURE" } });
        Assert.Equal("ops@example.com", created.Str("email"));
        Assert.Equal(["ON_SUCCESS", "ON_FAILURE"], created.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        var duplicate = await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, Root(domain, job), new { email = "ops@example.com", events = new[] { "ON_ABORT" } });
        Assert.Equal("Notification setting already exists for recipient ops@example.com", duplicate.Str("detail"));

        var second = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain, job), new { email = "dev@example.com", events = new[] { "ON_ABORT" } });
        var id = created.Str("id");
        var updated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root(domain, job)}/{id}",
            new { email = "ops@example.com", events = new[] { "ON_STARTUP_TIMEOUT", "ON_EXECUTION_TIMEOUT" } });
        Assert.Equal(["ON_STARTUP_TIMEOUT", "ON_EXECUTION_TIMEOUT"], updated.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var clash = await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"{Root(domain, job)}/{second.Str("id")}",
            new { email = "ops@example.com", events = new[] { "ON_ABORT" } });
        Assert.Equal("Notification setting already exists for recipient ops@example.com", clash.Str("detail"));

        Assert.Equal(["dev@example.com", "ops@example.com"], (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root(domain, job))).Strings("email"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root(domain, job)}/{id}");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Root(domain, job)}/{id}");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Put, $"{Root(domain, job)}/{id}", new { email = "a@example.com", events = new[] { "ON_ABORT" } });
        Assert.Equal(["dev@example.com"], (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root(domain, job))).Strings("email"));
    }

    [Fact]
    public async Task Validation_EmailEventsAndDuration_Are400()
    {
        var (domain, _, job) = await JobAsync();
        Assert.Equal(["email"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root(domain, job), new { email = "not-an-email", events = new[] { "ON_ABORT" } })).ErrorFields());
        Assert.Equal(["events"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root(domain, job), new { email = "a@example.com", events = Array.Empty<string>() })).ErrorFields());
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root(domain, job), new { email = "a@example.com", events = new[] { "ON_TUESDAY" } });
        Assert.Equal(["duration"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Root(domain, job)}/silence", new { duration = "3h" })).ErrorFields());
    }

    [Fact]
    public async Task Silence_ReplacesRatherThanStacks_AndCanBeRemoved()
    {
        var (domain, _, job) = await JobAsync();
        var before = DateTimeOffset.UtcNow;
        var week = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root(domain, job)}/silence", new { duration = "1w" });
        Assert.InRange(week.GetProperty("silencedUntil").GetDateTimeOffset(), before.AddDays(7).AddSeconds(-5), before.AddDays(7).AddMinutes(1));

        var quarter = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root(domain, job)}/silence", new { duration = "15m" });
        var until = quarter.GetProperty("silencedUntil").GetDateTimeOffset();
        Assert.InRange(until, before.AddMinutes(15).AddSeconds(-5), before.AddMinutes(16));
        var read = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root(domain, job)}/silence");
        Assert.Equal(until, read.GetProperty("silencedUntil").GetDateTimeOffset());
        Assert.Equal("15m", read.Str("duration"));

        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root(domain, job)}/silence");
        var after = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root(domain, job)}/silence");
        Assert.False(after.TryGetProperty("silencedUntil", out var s) && s.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Permissions_AnonymousIs401_PlainUserIs403_ViewListsButOnlyUpdateChanges()
    {
        var (domain, bundle, job) = await JobAsync();
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, Root(domain, job));
        var (_, plain) = await fixture.UserAsync("plain");
        await plain.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Root(domain, job));

        var (viewerId, viewer) = await fixture.UserAsync("viewer");
        await fixture.GrantAsync(bundle, viewerId, "SPARK_JOB", "VIEW");
        await viewer.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root(domain, job));
        await viewer.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root(domain, job)}/silence");
        await viewer.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, Root(domain, job), new { email = "a@example.com", events = new[] { "ON_ABORT" } });
        await viewer.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, $"{Root(domain, job)}/silence", new { duration = "1h" });

        var (editorId, editor) = await fixture.UserAsync("editor");
        await fixture.GrantAsync(bundle, editorId, "SPARK_JOB", "VIEW", "UPDATE");
        await editor.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain, job), new { email = "a@example.com", events = new[] { "ON_ABORT" } });
        await editor.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root(domain, job)}/silence", new { duration = "1h" });
        await editor.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root(domain, job)}/silence");
        // A job of another domain is not reachable through this one's routes.
        var (otherDomain, _) = await fixture.DomainAsync("other");
        await editor.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Root(otherDomain, job));
    }
}
