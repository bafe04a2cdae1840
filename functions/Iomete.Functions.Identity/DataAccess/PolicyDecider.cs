using Iomete.DataSecurity.Decisions;
using Iomete.DataSecurity.Engine;
using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.DataSecurity.Audit;
using Iomete.Functions.Identity.DataSecurity.Tags;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.DataAccess;

/// <summary>
/// The data-access decision point: Ranger's policy engine over the policy store, for the caller as <see cref="PolicyUsers"/>
/// resolves them, with the resource's tags. The super admin and the platform itself are super users. Every decision a
/// policy audits (and every super-user decision) is recorded.
/// </summary>
public sealed class PolicyDecider(
    PolicyEvaluators evaluators, PolicyUsers users, IResourceTagSource tagSource, DataAccessAuditLog audit, TimeProvider clock) : IDataAccessDecider
{
    private const string MaskNone = "MASK_NONE";
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    public async ValueTask<DataAccessDecision> CheckAsync(DataAccessRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsSuper(request.Caller))
        {
            Record(request, DataAccessDecision.SuperUser, [], request.Audit);
            return DataAccessDecision.SuperUser;
        }
        var evaluator = await evaluators.GetAsync(ct);
        var user = await users.ResolveAsync(request.Caller, ct);
        var tags = await TagsAsync(request.Resource, ct);
        var outcome = evaluator.Access(Request(request.Resource, request.AccessType, user, request.ClientIp, request.ResourceOwner, tags));
        var decision = Decision(outcome);
        Record(request, decision, tags, request.Audit && outcome.IsAudited);
        return decision;
    }

    public async ValueTask<TableReadPolicy> ReadPolicyAsync(TableReadRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = request.Table;
        var asCheck = new DataAccessRequest(request.Caller, table, DataAccessTypes.Select, request.Enforcer, request.Action, request.ClientIp, request.ResourceOwner);
        if (IsSuper(request.Caller))
        {
            Record(asCheck, DataAccessDecision.SuperUser, [], audited: true);
            return TableReadPolicy.Full(DataAccessDecision.SuperUser);
        }
        var evaluator = await evaluators.GetAsync(ct);
        var user = await users.ResolveAsync(request.Caller, ct);
        var tags = await TagsAsync(table, ct);

        var denied = new HashSet<string>(StringComparer.Ordinal);
        AccessOutcome? allowedBy = null;
        AccessOutcome? deniedBy = null;
        foreach (var column in request.Columns)
        {
            var outcome = evaluator.Access(Request(table with { Column = column }, DataAccessTypes.Select, user, request.ClientIp, request.ResourceOwner, tags));
            if (outcome.IsAllowed)
            {
                allowedBy ??= outcome;
            }
            else
            {
                denied.Add(column);
                deniedBy ??= outcome;
            }
        }
        if (request.Columns.Count == 0)
        {
            var outcome = evaluator.Access(Request(table, DataAccessTypes.Select, user, request.ClientIp, request.ResourceOwner, tags));
            (outcome.IsAllowed ? ref allowedBy : ref deniedBy) = outcome;
        }
        if (allowedBy is null)
        {
            var refusal = Decision(deniedBy!);
            Record(asCheck, refusal, tags, audited: deniedBy!.IsAudited);
            return new TableReadPolicy(refusal, null, null, new Dictionary<string, ColumnMask>(), denied);
        }

        var filter = evaluator.RowFilter(Request(table, DataAccessTypes.Select, user, request.ClientIp, request.ResourceOwner, tags));
        var masks = new Dictionary<string, ColumnMask>(StringComparer.Ordinal);
        foreach (var column in request.Columns.Where(c => !denied.Contains(c)))
        {
            var mask = evaluator.Mask(Request(table with { Column = column }, DataAccessTypes.Select, user, request.ClientIp, request.ResourceOwner, tags));
            if (mask.MaskType is { } type && !string.Equals(type, MaskNone, StringComparison.OrdinalIgnoreCase))
            {
                masks[column] = new ColumnMask(type, string.Equals(type, "CUSTOM", StringComparison.OrdinalIgnoreCase) ? mask.MaskedValue : null, mask.MaskCondition, mask.PolicyId);
            }
        }
        var access = Decision(allowedBy);
        Record(asCheck, access, tags, audited: allowedBy.IsAudited);
        var rowFilter = string.IsNullOrWhiteSpace(filter.FilterExpr) ? null : filter.FilterExpr;
        return new TableReadPolicy(access, rowFilter, rowFilter is null ? null : filter.PolicyId, masks, denied);
    }

    private static bool IsSuper(Caller caller) => caller.IsSuperAdmin || caller.IsSystem();

    private static DataAccessDecision Decision(AccessOutcome outcome) =>
        new(outcome.IsAllowed, outcome.PolicyId >= 0 ? outcome.PolicyId : null, outcome.PolicyVersion, outcome.Reason);

    private PolicyRequest Request(DataResource resource, string accessType, PolicyUser user, string? clientIp, string? owner, IReadOnlyList<ResourceTagAssignment> tags) =>
        new(ResourceOf(resource), accessType, user, clock.GetUtcNow(), clientIp, owner, TagsFor(resource, tags));

    private static Dictionary<string, string> ResourceOf(DataResource resource)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (resource.QualifiedDatabase is { } database)
        {
            map["database"] = database;
            if (resource.Table is { } table)
            {
                map["table"] = table;
                if (resource.Column is { } column)
                {
                    map["column"] = column;
                }
            }
        }
        return map;
    }

    /// <summary>
    /// Tags as Ranger's tag enricher would attach them: on a column request its own tags are SELF and the table's are
    /// ANCESTOR; on a table request the table's are SELF and its columns' DESCENDANT.
    /// </summary>
    private static List<ResourceTag>? TagsFor(DataResource resource, IReadOnlyList<ResourceTagAssignment> tags)
    {
        if (tags.Count == 0 || resource.Table is null)
        {
            return null;
        }
        return tags
            .Where(t => Applies(resource, t))
            .SelectMany(t => t.Tags, (t, tag) => new ResourceTag(tag, NoAttributes, (resource.Column, t.Column) switch
            {
                (null, null) => "SELF",
                (null, _) => "DESCENDANT",
                (_, null) => "ANCESTOR",
                _ => "SELF",
            }))
            .ToList();
    }

    /// <summary>A column request sees its own column's tags and the table's; a table request sees all of them.</summary>
    private static bool Applies(DataResource resource, ResourceTagAssignment tag) =>
        resource.Column is null || tag.Column is null || tag.Column == resource.Column;

    private async ValueTask<IReadOnlyList<ResourceTagAssignment>> TagsAsync(DataResource resource, CancellationToken ct) =>
        resource.Database is { } database && resource.Table is { } table ? await tagSource.TagsForTableAsync(resource.Catalog, database, table, ct) : [];

    private void Record(DataAccessRequest request, DataAccessDecision decision, IReadOnlyList<ResourceTagAssignment> tags, bool audited)
    {
        if (!audited)
        {
            return;
        }
        var resource = request.Resource;
        audit.Record(new DataAccessAuditEntry(
            clock.GetUtcNow(), request.Caller.Username, request.Enforcer, resource.ToString(),
            resource.Column is not null ? "column" : resource.Table is not null ? "table" : resource.Database is not null ? "database" : "catalog",
            request.AccessType, decision.Allowed)
        {
            ClientIp = request.ClientIp,
            Action = request.Action,
            PolicyId = decision.PolicyId,
            PolicyVersion = decision.PolicyVersion,
            Reason = decision.Reason,
            Tags = tags.Where(t => Applies(resource, t)).SelectMany(t => t.Tags).Distinct(StringComparer.Ordinal).ToList(),
        });
    }
}
