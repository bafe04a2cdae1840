using System.Net;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Identity.Tests.Tokens;

/// <summary>
/// The domain form of the service-account token routes delegates the domain permission to
/// <see cref="IAccessControl"/>. A stand-in decides here, so the test pins what this route asks
/// for (MANAGE_ACCESS_TOKEN in the path's domain) and what it adds (a shared group).
/// </summary>
public sealed class DomainServiceAccountTokenTests : IAsyncLifetime
{
    private readonly StandInAccessControl _access = new();
    private LocalPlatform? _platform;

    private LocalPlatform Platform => _platform!;

    public async Task InitializeAsync() =>
        _platform = await LocalPlatform.StartAsync(configure: builder => builder.Services.AddSingleton<IAccessControl>(_access));

    public async Task DisposeAsync() => await _platform!.DisposeAsync();

    [Fact]
    public async Task DomainTokenManager_SharingAGroup_ManagesTheAccountsTokens()
    {
        using var admin = await Platform.LoginAsync();
        var group = await admin.CreateGroupAsync(Identities.Unique("team"));
        var account = (await admin.PostJsonAsync("/api/v1/admin/identity/users", new { username = Identities.Unique("bot"), type = "SERVICE_ACCOUNT" }, HttpStatusCode.Created)).Str("id");
        var manager = Identities.Unique("dm");
        var managerId = await admin.CreateUserAsync(manager);
        await admin.AddMemberAsync(group, account);
        await admin.AddMemberAsync(group, managerId);
        using var client = await Platform.LoginAsync(manager, Identities.Password);
        var path = $"/api/v1/domains/sales/auth/service-accounts/{account}/tokens";

        var created = await client.PostJsonAsync(path, new { name = "etl" }, HttpStatusCode.Created);
        using var robot = Platform.WithApiToken(created.Str("token"));
        await robot.GetJsonAsync("/api/v1/user");
        Assert.Single((await client.GetJsonAsync(path)).GetProperty("items").EnumerateArray());
        await client.PatchJsonAsync($"{path}/etl", new { maxRps = 10 }, HttpStatusCode.OK);
        await client.DeleteAsync($"{path}/etl", HttpStatusCode.NoContent);

        Assert.Contains(("sales", DomainPermission.ManageAccessToken, manager), _access.Checks);
        await client.GetJsonAsync($"/api/v1/domains/marketing/auth/service-accounts/{account}/tokens", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DomainTokenManager_WithoutASharedGroup_Gets403_AndIamManagerNeedsNone()
    {
        using var admin = await Platform.LoginAsync();
        var account = (await admin.PostJsonAsync("/api/v1/admin/identity/users", new { username = Identities.Unique("bot"), type = "SERVICE_ACCOUNT" }, HttpStatusCode.Created)).Str("id");
        var manager = Identities.Unique("dm");
        await admin.CreateUserAsync(manager);
        var outsider = Identities.Unique("outsider");
        await admin.CreateUserAsync(outsider);
        var path = $"/api/v1/domains/sales/auth/service-accounts/{account}/tokens";

        using var client = await Platform.LoginAsync(manager, Identities.Password);
        await client.PostJsonAsync(path, new { name = "etl" }, HttpStatusCode.Forbidden);
        using var stranger = await Platform.LoginAsync(outsider, Identities.Password);
        await stranger.GetJsonAsync(path, HttpStatusCode.Forbidden);
        await admin.PostJsonAsync(path, new { name = "etl" }, HttpStatusCode.Created);
    }

    /// <summary>Grants MANAGE_ACCESS_TOKEN in domain "sales" to users whose name starts with "dm-".</summary>
    private sealed class StandInAccessControl : IAccessControl
    {
        public System.Collections.Concurrent.ConcurrentBag<(string Domain, string Permission, string Username)> Checks { get; } = [];

        public void RequireAdminRole(Caller caller, AdminRole role, bool forRead = false)
        {
            if (!caller.HasAdminRole(role, forRead))
            {
                throw new ForbiddenException("stand-in: no admin role");
            }
        }

        public Task RequireDomainPermissionAsync(Caller caller, string domainId, string permission, CancellationToken ct)
        {
            Checks.Add((domainId, permission, caller.Username));
            return domainId == "sales" && permission == DomainPermission.ManageAccessToken && caller.Username.StartsWith("dm-", StringComparison.Ordinal)
                ? Task.CompletedTask
                : throw new ForbiddenException("stand-in: no domain permission");
        }

        public Task<bool> CanAccessDomainAsync(Caller caller, string domainId, CancellationToken ct) => Task.FromResult(domainId == "sales");

        public Task RequireAssetPermissionAsync(Caller caller, AssetType type, string assetId, string permission, CancellationToken ct) =>
            throw new ForbiddenException("stand-in: no asset permissions");
    }
}
