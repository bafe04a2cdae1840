using Iomete.DataSecurity.Model;

namespace Iomete.Functions.Identity.DataSecurity.Transfer;

/// <summary>
/// Ranger's ServicePolicies shape: the resource service's policies, the tag service's policies and the roles.
/// A policy's <c>zoneName</c> carries the domain it was created in.
/// </summary>
public sealed record PolicyDocument
{
    public string ServiceName { get; init; } = "iomete";
    public long PolicyVersion { get; init; }
    public List<RangerPolicy> Policies { get; init; } = [];
    public TagPolicyDocument TagPolicies { get; init; } = new();
    public List<RangerRole> Roles { get; init; } = [];
}

public sealed record TagPolicyDocument
{
    public string ServiceName { get; init; } = "iomete_tag";
    public List<RangerPolicy> Policies { get; init; } = [];
}

public sealed record ImportCounts(int Created, int Updated, int Deleted);

public sealed record ImportResult(string Mode, ImportCounts Policies, ImportCounts Roles, long PolicyVersion);
