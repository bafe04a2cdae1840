using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>
/// Ranger's policy engine over one immutable snapshot, generic over a service definition (and an optional tag service
/// definition for the snapshot's tag policies). Policies are compiled and indexed once; evaluation is lock-free.
/// </summary>
public sealed class PolicyEngine : IPolicyEvaluator
{
    /// <summary>The access type meaning "any access at all" (an empty access type means the same).</summary>
    public const string AnyAccess = "_any";

    /// <summary>The group every user belongs to.</summary>
    public const string PublicGroup = "public";

    private readonly PolicyRepository _access;
    private readonly PolicyRepository _masks;
    private readonly PolicyRepository _rowFilters;
    private readonly PolicyRepository? _tagAccess;
    private readonly PolicyRepository? _tagMasks;
    private readonly RoleDirectory _roles;
    private readonly IReadOnlySet<string> _superUsers;
    private readonly IReadOnlySet<string> _superGroups;

    public PolicyEngine(ServiceDefinition serviceDef, PolicySnapshot snapshot, ServiceDefinition? tagServiceDef = null)
        : this(serviceDef, snapshot, tagServiceDef, indexed: true)
    {
    }

    /// <param name="indexed">False scans every policy for every request (the benchmark's baseline).</param>
    internal PolicyEngine(ServiceDefinition serviceDef, PolicySnapshot snapshot, ServiceDefinition? tagServiceDef, bool indexed)
    {
        ArgumentNullException.ThrowIfNull(serviceDef);
        ArgumentNullException.ThrowIfNull(snapshot);
        Version = snapshot.Version;
        ServiceDef = serviceDef;
        var types = new AccessTypes(serviceDef.AccessTypes);
        var resources = snapshot.ResourcePolicies;
        _access = new PolicyRepository(OfType(resources, RangerPolicyTypes.Access), serviceDef, serviceDef.Resources, types, false, CompiledPolicy.Compare, indexed);
        _masks = new PolicyRepository(OfType(resources, RangerPolicyTypes.DataMask), serviceDef,
            ResourceHierarchies.Restrict(serviceDef.Resources, serviceDef.DataMaskDef?.Resources), types, false, CompiledPolicy.CompareByName, indexed);
        _rowFilters = new PolicyRepository(OfType(resources, RangerPolicyTypes.RowFilter), serviceDef,
            ResourceHierarchies.Restrict(serviceDef.Resources, serviceDef.RowFilterDef?.Resources), types, false, CompiledPolicy.CompareByName, indexed);
        if (tagServiceDef is not null && snapshot.TagPolicies.Count > 0)
        {
            var tagTypes = new AccessTypes(tagServiceDef.AccessTypes);
            _tagAccess = new PolicyRepository(OfType(snapshot.TagPolicies, RangerPolicyTypes.Access), tagServiceDef,
                tagServiceDef.Resources, tagTypes, true, CompiledPolicy.Compare);
            _tagMasks = new PolicyRepository(OfType(snapshot.TagPolicies, RangerPolicyTypes.DataMask), tagServiceDef,
                ResourceHierarchies.Restrict(tagServiceDef.Resources, tagServiceDef.DataMaskDef?.Resources), tagTypes, true, CompiledPolicy.CompareByName);
        }
        _roles = new RoleDirectory(snapshot.Roles);
        _superUsers = snapshot.SuperUsers;
        _superGroups = snapshot.SuperGroups;
        PoliciesWithUnsupportedConditions = new[] { _access, _masks, _rowFilters, _tagAccess, _tagMasks }
            .Where(r => r is not null)
            .SelectMany(r => r!.All)
            .Where(p => p.UsesUnknownConditions)
            .Select(p => p.Id)
            .ToArray();
    }

    public long Version { get; }

    public ServiceDefinition ServiceDef { get; }

    /// <summary>Policies whose conditions use script constructs outside the supported subset (they err towards less access).</summary>
    public IReadOnlyList<long> PoliciesWithUnsupportedConditions { get; }

    public AccessOutcome Access(PolicyRequest request)
    {
        var ctx = Prepare(request);
        return AccessEvaluation.Evaluate(_access, _tagAccess, ctx, IsSuperUser(ctx.User));
    }

    public MaskOutcome Mask(PolicyRequest request) => MaskEvaluation.Evaluate(_masks, _tagMasks, Prepare(request));

    public RowFilterOutcome RowFilter(PolicyRequest request) => RowFilterEvaluation.Evaluate(_rowFilters, Prepare(request));

    private RequestContext Prepare(PolicyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = request.User;
        var roles = _roles.Resolve(user.Name, user.Groups, user.Roles);
        return new RequestContext(request, new EvalUser(user.Name, user.Groups, roles, user.Attributes));
    }

    private bool IsSuperUser(EvalUser user)
    {
        if (_superUsers.Contains(user.Name) || _superGroups.Contains(PublicGroup))
        {
            return true;
        }
        foreach (var group in user.Groups)
        {
            if (_superGroups.Contains(group))
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<RangerPolicy> OfType(IEnumerable<RangerPolicy> policies, int type) =>
        policies.Where(p => p.PolicyType == type);
}
