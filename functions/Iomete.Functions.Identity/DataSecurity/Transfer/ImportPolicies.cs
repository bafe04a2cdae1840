using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.DataSecurity.Model;
using Iomete.Functions.Identity.DataSecurity.Policies;
using Iomete.Functions.Identity.DataSecurity.Roles;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Transfer;

/// <summary>
/// Imports Ranger's policy JSON (the export's document, or a bare array of policies). The whole document is validated
/// before anything is written, then written in one transaction: upsert by name; <c>mode=replace</c> also deletes
/// policies and roles it does not name.
/// </summary>
public sealed class ImportPolicies(ICallerAccessor callers, IAccessControl access, DataPolicyStore policies, DataRoleStore roles)
{
    [Function("identity-data-security-import")]
    [OpenApiOperation("Data security", "Import policies and roles from Ranger's policy JSON", Description = "mode: merge (default) or replace.")]
    [OpenApiQuery("mode", "merge (upsert by name) or replace (also delete what the document does not name)")]
    [OpenApiRequestBody(typeof(PolicyDocument))]
    [OpenApiResponse(200, typeof(ImportResult))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/data-security/import")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager);
        var replace = request.Query["mode"].ToString().ToLowerInvariant() switch
        {
            "" or "merge" => false,
            "replace" => true,
            _ => throw ValidationException.ForField("mode", "must be merge or replace"),
        };
        var node = await RequestBody.ReadAsync<JsonNode>(request, ct);
        var (resourcePolicies, tagPolicies, importedRoles) = Parse(node);

        var errors = new ValidationErrors();
        var plan = new List<(PolicyKind, RangerPolicy)>();
        Check(resourcePolicies, "policies", PolicyKinds.ResourceService, errors, plan);
        Check(tagPolicies, "tagPolicies.policies", PolicyKinds.TagService, errors, plan);
        var cleanRoles = importedRoles.Select(r => r with { Id = 0 }).ToList();
        for (var i = 0; i < cleanRoles.Count; i++)
        {
            RoleRules.Validate(cleanRoles[i], errors, $"roles[{i}].");
        }
        foreach (var duplicate in cleanRoles.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add("roles", $"role '{duplicate.Key}' appears more than once");
        }
        errors.ThrowIfAny();
        var known = replace ? [] : (await roles.ListAsync(ct)).Select(r => r.Role).Where(r => cleanRoles.All(c => c.Name != r.Name)).ToList();
        foreach (var role in cleanRoles)
        {
            RoleRules.CheckNesting(role, known.Concat(cleanRoles.Where(r => r.Name != role.Name)).ToList());
        }

        var result = await policies.ImportAsync(plan, cleanRoles, replace, caller.Username, roles, ct);
        return ApiResults.Ok(result);
    }

    private static (List<RangerPolicy> Policies, List<RangerPolicy> TagPolicies, List<RangerRole> Roles) Parse(JsonNode node)
    {
        try
        {
            if (node is JsonArray array)
            {
                var all = array.Deserialize<List<RangerPolicy>>(RangerJson.Options) ?? [];
                return (all.Where(p => p.Service != PolicyKinds.TagService).ToList(), all.Where(p => p.Service == PolicyKinds.TagService).ToList(), []);
            }
            var document = node.Deserialize<PolicyDocument>(RangerJson.Options) ?? new PolicyDocument();
            return (document.Policies ?? [], document.TagPolicies?.Policies ?? [], document.Roles ?? []);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            throw ValidationException.ForField(field, "is not valid Ranger policy JSON");
        }
    }

    private static void Check(List<RangerPolicy> list, string field, string service, ValidationErrors errors, List<(PolicyKind, RangerPolicy)> plan)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{field}[{i}].";
            if (list[i] is null)
            {
                errors.Add($"{field}[{i}]", "must be a policy object");
                continue;
            }
            var policy = WithoutNulls(list[i]);
            var declared = string.IsNullOrEmpty(policy.Service) ? service : policy.Service;
            if (PolicyKinds.Of(declared, policy.PolicyType) is not { } kind || declared != service)
            {
                errors.Add(at + "service", $"'{declared}' with policyType {policy.PolicyType} is not a {service} policy we support");
                continue;
            }
            PolicyValidator.Validate(kind, PolicyMapper.ToBody(kind, policy), errors, at);
            if (!names.Add(policy.Name))
            {
                errors.Add(at + "name", $"'{policy.Name}' appears more than once");
            }
            plan.Add((kind, Normalize(kind, policy)));
        }
    }

    /// <summary>Ranger's JSON may carry <c>null</c> for an empty list.</summary>
    private static RangerPolicy WithoutNulls(RangerPolicy p)
    {
        static List<T> Items<T>(List<T>? items) where T : RangerPolicyItem =>
            (items ?? []).Where(i => i is not null).Select(i => (T)(i with
            {
                Users = i.Users ?? [], Groups = i.Groups ?? [], Roles = i.Roles ?? [], Accesses = (i.Accesses ?? []).Where(a => a is not null).ToList(),
                Conditions = i.Conditions ?? [],
            })).ToList();
        return p with
        {
            Name = p.Name ?? "",
            Resources = Resources(p.Resources),
            AdditionalResources = (p.AdditionalResources ?? []).Where(r => r is not null).Select(Resources).ToList(),
            PolicyItems = Items(p.PolicyItems),
            DenyPolicyItems = Items(p.DenyPolicyItems),
            AllowExceptions = Items(p.AllowExceptions),
            DenyExceptions = Items(p.DenyExceptions),
            DataMaskPolicyItems = Items(p.DataMaskPolicyItems).Select(i => i with { DataMaskInfo = i.DataMaskInfo ?? new() }).ToList(),
            RowFilterPolicyItems = Items(p.RowFilterPolicyItems).Select(i => i with { RowFilterInfo = i.RowFilterInfo ?? new() }).ToList(),
            ValiditySchedules = (p.ValiditySchedules ?? []).Where(v => v is not null).ToList(),
            Conditions = p.Conditions ?? [],
            PolicyLabels = p.PolicyLabels ?? [],
        };
    }

    private static Dictionary<string, RangerPolicyResource> Resources(Dictionary<string, RangerPolicyResource>? resources) =>
        (resources ?? []).Where(r => r.Value is not null)
            .ToDictionary(r => r.Key, r => r.Value with { Values = (r.Value.Values ?? []).Where(v => v is not null).ToList() });

    /// <summary>Lower-case access types (the engine's names), the service of the kind, no row id or version.</summary>
    private static RangerPolicy Normalize(PolicyKind kind, RangerPolicy policy)
    {
        static List<T> Lower<T>(List<T> items) where T : RangerPolicyItem =>
            items.Select(i => (T)(i with { Accesses = i.Accesses.Select(a => a with { Type = a.Type.Trim().ToLowerInvariant() }).ToList() })).ToList();
        return policy with
        {
            Id = 0,
            Version = null,
            Service = kind.Service(),
            Name = policy.Name.Trim(),
            PolicyItems = Lower(policy.PolicyItems),
            DenyPolicyItems = Lower(policy.DenyPolicyItems),
            AllowExceptions = Lower(policy.AllowExceptions),
            DenyExceptions = Lower(policy.DenyExceptions),
        };
    }
}
