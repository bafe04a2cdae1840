using System.Text.Json;
using Iomete.DataSecurity.Model;
using Iomete.Functions.Identity.DataSecurity.Policies;
using Iomete.Functions.Identity.DataSecurity.Roles;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Transfer;

public sealed class ExportPolicies(ICallerAccessor callers, IAccessControl access, DataPolicyStore policies, DataRoleStore roles)
{
    [Function("identity-data-security-export")]
    [OpenApiOperation("Data security", "Export every policy and role in Ranger's policy JSON (ServicePolicies shape)")]
    [OpenApiResponse(200, typeof(PolicyDocument))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/data-security/export")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager, forRead: true);
        var version = await policies.CurrentVersionAsync(ct);
        var all = (await policies.ListAsync(kind: null, domain: null, ct)).Select(p => p.Exported).ToList();
        var document = new PolicyDocument
        {
            ServiceName = PolicyKinds.ResourceService,
            PolicyVersion = version,
            Policies = all.Where(p => p.Service == PolicyKinds.ResourceService).ToList(),
            TagPolicies = new TagPolicyDocument { Policies = all.Where(p => p.Service == PolicyKinds.TagService).ToList() },
            Roles = (await roles.ListAsync(ct)).Select(r => r.Effective).ToList(),
        };
        // Ranger's own field names and conventions (every field written), not the API's null-omitting options.
        return ApiResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(document, RangerJson.Options), "application/json");
    }
}
