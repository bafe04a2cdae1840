using System.ComponentModel.DataAnnotations;
using ValidationException = Iomete.Platform.Errors.ValidationException;
using Iomete.DataSecurity.Decisions;
using Iomete.Functions.Identity.Groups;
using Iomete.Functions.Identity.Storage;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Tester;

/// <summary>The policy tester's question: what would <see cref="Username"/> see when reading this table (and these columns)?</summary>
public sealed record EvaluatePoliciesRequest
{
    [Required] public string? Username { get; init; }
    public string? Catalog { get; init; }
    [Required] public string? Database { get; init; }
    [Required] public string? Table { get; init; }
    public List<string>? Columns { get; init; }
}

public sealed record EvaluatedMask(string Type, string? Expression, string? Condition, long PolicyId);

public sealed record EvaluatedColumn(string Name, bool Allowed, long? PolicyId, string Reason, EvaluatedMask? Mask);

public sealed record EvaluatedRowFilter(string Expression, long? PolicyId);

public sealed record EvaluatedAccess(bool Allowed, long? PolicyId, string Reason);

public sealed record PolicyEvaluationView(
    string Username, string Resource, EvaluatedAccess Access, EvaluatedRowFilter? RowFilter, IReadOnlyList<EvaluatedColumn> Columns);

/// <summary>
/// "What would user X see?": the data-access decider's answer for another user, without acting as them. Column
/// decisions are asked unaudited; the read policy is recorded under the enforcer <c>policy-tester</c> when the deciding
/// policy audits.
/// </summary>
public sealed class EvaluatePolicies(ICallerAccessor callers, IAccessControl access, UserStore users, IdentityDb db, IDataAccessDecider decider)
{
    public const string Enforcer = "policy-tester";
    private const int MaxColumns = 500;

    [Function("identity-data-security-evaluate")]
    [OpenApiOperation("Data security", "Policy tester: what a user may read of a table, per column, with the deciding policies")]
    [OpenApiRequestBody(typeof(EvaluatePoliciesRequest))]
    [OpenApiResponse(200, typeof(PolicyEvaluationView))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/data-security/evaluate")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // Refused before the body is read: a caller without the role learns nothing from validation messages.
        access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager, forRead: true);
        var body = await RequestBody.ReadAsync<EvaluatePoliciesRequest>(request, ct);
        var columns = (body.Columns ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (columns.Count > MaxColumns)
        {
            throw ValidationException.ForField("columns", $"at most {MaxColumns} columns");
        }

        var user = await users.FindByUsernameAsync(body.Username!.Trim(), ct);
        if (user is null || user.Status != UserStatus.Active)
        {
            throw ValidationException.ForField("username", "no active user has this username");
        }
        var subject = await SubjectAsync(user, ct);
        var table = new DataResource(string.IsNullOrWhiteSpace(body.Catalog) ? "spark_catalog" : body.Catalog.Trim(), body.Database!.Trim(), body.Table!.Trim());

        var evaluated = new List<EvaluatedColumn>(columns.Count);
        var decisions = new List<DataAccessDecision>(columns.Count);
        foreach (var column in columns)
        {
            decisions.Add(await decider.CheckAsync(new DataAccessRequest(subject, table with { Column = column }, DataAccessTypes.Select, Enforcer, Audit: false), ct));
        }
        var read = await decider.ReadPolicyAsync(new TableReadRequest(subject, table, columns, Enforcer, "POLICY_TEST"), ct);
        for (var i = 0; i < columns.Count; i++)
        {
            var mask = read.Masks.TryGetValue(columns[i], out var m) ? new EvaluatedMask(m.MaskType, m.ValueExpr, m.Condition, m.PolicyId) : null;
            evaluated.Add(new EvaluatedColumn(columns[i], decisions[i].Allowed, decisions[i].PolicyId, decisions[i].Reason, mask));
        }
        var filter = read.RowFilter is { } expression ? new EvaluatedRowFilter(expression, read.RowFilterPolicyId) : null;
        return ApiResults.Ok(new PolicyEvaluationView(user.Username, table.ToString(),
            new EvaluatedAccess(read.Access.Allowed, read.Access.PolicyId, read.Access.Reason),
            filter, evaluated));
    }

    private async Task<Caller> SubjectAsync(User user, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var membership = await EffectiveMembership.LoadAsync(connection, user.Id, ct);
        return new Caller(user.Id, user.Username, user.Type, user.IsSuperAdmin, membership.AdminRoles, membership.GroupIds, null);
    }
}
