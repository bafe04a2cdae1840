using Iomete.DataSecurity.Decisions;
using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Iceberg.Schemas;
using Iomete.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>
/// What a caller may read of a table through the catalog. A trusted engine (it sends <see cref="TrustedEngine.Header"/>)
/// receives the caller's row filter, masks and denied columns in the LoadTable config and applies them; any other client
/// is refused a table that a filter or mask restricts for its caller, and scan planning needs SELECT.
/// </summary>
public sealed class TableReadAccess(ICatalogAuthorizer authorizer, TrustedEngine trusted)
{
    /// <summary>Config entries to add to LoadTable for this caller (empty when unrestricted); 403 for an untrusted client under a policy.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LoadConfigAsync(HttpRequest request, TableTarget target, Schema schema, CancellationToken ct)
    {
        var policy = await PolicyAsync(target, schema, "LOAD_TABLE", ct);
        if (policy.IsUnrestricted)
        {
            return new Dictionary<string, string>();
        }
        var isTrusted = trusted.IsTrusted(request.Headers[TrustedEngine.Header].ToString());
        if (!isTrusted && policy.Access.Allowed)
        {
            throw Restricted(target);
        }
        return new Dictionary<string, string> { [DataPolicyConfig.Key] = DataPolicyConfig.From(policy).ToJson() };
    }

    /// <summary>Planning a scan hands out data files: it needs SELECT, and no filter or mask unless the client is trusted.</summary>
    public async Task RequireScanAsync(HttpRequest request, TableTarget target, Schema schema, CancellationToken ct)
    {
        var policy = await PolicyAsync(target, schema, "PLAN_TABLE_SCAN", ct);
        if (!policy.Access.Allowed)
        {
            throw new ForbiddenException($"Reading '{target.Table}' is not allowed: SELECT access is required ({policy.Access.Reason}).");
        }
        if (!policy.IsUnrestricted && !trusted.IsTrusted(request.Headers[TrustedEngine.Header].ToString()))
        {
            throw Restricted(target);
        }
    }

    private Task<TableReadPolicy> PolicyAsync(TableTarget target, Schema schema, string action, CancellationToken ct) =>
        authorizer.ReadPolicyAsync(
            target.Caller, new CatalogTarget(target.Catalog.Name, target.Table.Namespace.Levels, target.Table.Name),
            schema.Fields.Select(f => f.Name).ToList(), action, ct);

    private static ForbiddenException Restricted(TableTarget target) =>
        new($"'{target.Table}' has row filters or column masks for you: read it through the SQL service or a trusted engine, which apply them.");
}
