using System.Collections.Concurrent;
using Iomete.Engine.Catalogs;
using Iomete.Functions.EventStreams.Streams;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.EventStreams.Ingest;

/// <summary>
/// The two checks of every ingest request, with grants remembered for <see cref="EventStreamsOptions.DecisionCacheLifetime"/>
/// (a revoked permission takes effect within it): CONSUME on the stream (resource bundles), and INSERT on the table
/// (asked of the Iceberg catalog with the caller's own credentials, so data policies decide). Denials are not cached.
/// </summary>
internal sealed class IngestAccess(IAccessControl access, ILakehouseCatalogFactory catalogs, IOptions<EventStreamsOptions> options, TimeProvider time)
{
    private const int MaxEntries = 100_000;
    private static readonly string[] CredentialHeaders = ["Authorization", "X-API-Token", "Cookie"];
    private readonly ConcurrentDictionary<(string User, string Target), long> grants = new();

    public async Task RequireStreamAsync(Caller caller, EventStream stream, CancellationToken ct)
    {
        var key = (caller.UserId, "stream:" + stream.Id);
        if (Granted(key))
        {
            return;
        }
        await access.RequireAssetPermissionAsync(caller, AssetType.EventStream, stream.Id, "CONSUME", ct);
        Grant(key);
    }

    public async Task RequireInsertAsync(Caller caller, HttpRequest request, TableIdent table, CancellationToken ct)
    {
        var key = (caller.UserId, "table:" + table);
        if (Granted(key))
        {
            return;
        }
        var headers = CredentialHeaders
            .Where(h => request.Headers.ContainsKey(h))
            .ToDictionary(h => h, h => request.Headers[h].ToString(), StringComparer.OrdinalIgnoreCase);
        IReadOnlySet<string>? privileges;
        try
        {
            privileges = await catalogs.ForCaller(headers).LoadTablePrivilegesAsync(table, ct);
        }
        catch (CatalogForbiddenException e)
        {
            throw new ForbiddenException($"No INSERT permission on table '{table}': {e.Message}");
        }
        catch (CatalogNotFoundException)
        {
            privileges = null;
        }
        if (privileges is null)
        {
            throw new NotFoundException("Table", table.ToString());
        }
        if (!privileges.Contains("INSERT"))
        {
            throw new ForbiddenException($"No INSERT permission on table '{table}'.");
        }
        Grant(key);
    }

    private bool Granted((string, string) key) =>
        grants.TryGetValue(key, out var until) && until > time.GetUtcNow().ToUnixTimeMilliseconds();

    private void Grant((string, string) key)
    {
        if (grants.Count >= MaxEntries)
        {
            grants.Clear();
        }
        grants[key] = time.GetUtcNow().Add(options.Value.DecisionCacheLifetime).ToUnixTimeMilliseconds();
    }
}
