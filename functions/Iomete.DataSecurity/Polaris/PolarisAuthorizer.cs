using Iomete.DataSecurity.Engine;

namespace Iomete.DataSecurity.Polaris;

/// <param name="Operation">A <c>PolarisAuthorizableOperation</c> name, e.g. <c>LOAD_TABLE</c>.</param>
/// <param name="Secondary">The second entity of rename and attach/detach-policy operations.</param>
public sealed record PolarisAuthzRequest(string Operation, PolicyUser Principal, PolarisEntityPath Target, PolarisEntityPath? Secondary, DateTimeOffset AccessTime);

/// <param name="Checks">Every (entity, access type) checked with its outcome, in order; empty when the operation was refused.</param>
public sealed record PolarisAuthzResult(bool IsAllowed, string Reason, IReadOnlyList<(PolarisEntityPath Entity, string AccessType, AccessOutcome Outcome)> Checks);

/// <summary>Authorizes Polaris operations against Ranger Polaris policies: every required access type on every entity must be allowed.</summary>
public static class PolarisAuthorizer
{
    public static PolarisAuthzResult Authorize(IPolicyEvaluator evaluator, PolarisAuthzRequest request)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(request);
        if (PolarisOperations.Find(request.Operation) is not { } semantics)
        {
            return new PolarisAuthzResult(false, $"operation {request.Operation} is not supported by the Ranger authorizer", []);
        }
        var checks = new List<(PolarisEntityPath, string, AccessOutcome)>();
        var wanted = semantics.TargetAccessTypes.Select(t => (request.Target, t)).ToList();
        if (semantics.SecondaryPrivileges.Count > 0)
        {
            if (request.Secondary is null)
            {
                return new PolarisAuthzResult(false, $"operation {request.Operation} needs a secondary entity", []);
            }
            wanted.AddRange(semantics.SecondaryAccessTypes.Select(t => (request.Secondary, t)));
        }
        foreach (var (entity, accessType) in wanted)
        {
            if (entity.ToResource() is not { } resource)
            {
                return new PolarisAuthzResult(false, $"entity type {entity.Type} is not modelled by Ranger policies", checks);
            }
            var outcome = evaluator.Access(new PolicyRequest(resource, accessType, request.Principal, request.AccessTime));
            checks.Add((entity, accessType, outcome));
            if (!outcome.IsAllowed)
            {
                return new PolarisAuthzResult(false, $"{accessType} on {string.Join('/', entity.Names)}: {outcome.Reason}", checks);
            }
        }
        return new PolarisAuthzResult(true, "allowed", checks);
    }
}
