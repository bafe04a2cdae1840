using Iomete.Deploy.Description;
using Iomete.Deploy.Inputs;

namespace Iomete.Deploy.Planning;

/// <summary>One Deployment: its description and the functions it enables (the probes every service shares included).</summary>
internal sealed record PlannedService(ServiceDescription Description, IReadOnlyList<AppFunction> Functions)
{
    public string Name => Description.Name;
    public string AppId => DaprAppId.Of(Name);
}

/// <summary>The functions of the app distributed over the described services, checked to leave none out and none twice.</summary>
internal sealed record DeploymentPlan(DeploymentDescription Description, IReadOnlyList<PlannedService> Services, IReadOnlyList<AppFunction> AllFunctions)
{
    public static DeploymentPlan Create(DeploymentDescription description, IReadOnlyList<AppFunction> functions)
    {
        var problems = new List<string>();
        var duplicateNames = description.Services.Select(s => s.Name).Concat(description.Workers.Select(w => w.Name))
            .GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicateNames.Count > 0)
        {
            problems.Add($"service names used twice: {string.Join(", ", duplicateNames)}");
        }
        var shared = functions.Where(f => description.EveryService.Contains(f.Name)).ToList();
        problems.AddRange(description.EveryService.Where(n => shared.All(f => f.Name != n))
            .Select(n => $"everyService names '{n}', which is not a function in functions.metadata"));
        var owned = new Dictionary<string, List<AppFunction>>();
        foreach (var function in functions.Except(shared))
        {
            var owners = description.Services.Where(s => s.Functions.Any(p => Enables(p, function.Name))).Select(s => s.Name).ToList();
            if (owners.Count == 0)
            {
                problems.Add($"function '{function.Name}' (route {function.Route}) belongs to no service: add a prefix of its name to a service's `functions` in services.yaml");
            }
            else if (owners.Count > 1)
            {
                problems.Add($"function '{function.Name}' belongs to several services ({string.Join(", ", owners)}): make their `functions` prefixes disjoint");
            }
            else
            {
                (owned.TryGetValue(owners[0], out var list) ? list : owned[owners[0]] = []).Add(function);
            }
        }
        foreach (var service in description.Services)
        {
            problems.AddRange(ServiceProblems(service, owned.GetValueOrDefault(service.Name) ?? []));
        }
        if (problems.Count > 0)
        {
            throw new InvalidDataException("deploy/services.yaml does not match functions.metadata:\n- " + string.Join("\n- ", problems));
        }
        var services = description.Services
            .Select(s => new PlannedService(s, shared.Concat(owned[s.Name]).OrderBy(f => f.Name, StringComparer.Ordinal).ToList()))
            .ToList();
        return new DeploymentPlan(description, services, functions);
    }

    /// <summary>The Deployment that enables this function for the outside (the probes' owner is none: every service has them).</summary>
    public PlannedService? OwnerOf(AppFunction function) =>
        Description.EveryService.Contains(function.Name) ? null : Services.Single(s => s.Functions.Contains(function));

    public bool IsShared(AppFunction function) => Description.EveryService.Contains(function.Name);

    /// <summary>A name prefix enables the function of that exact name or any name continuing with a dash.</summary>
    public static bool Enables(string prefix, string functionName) =>
        functionName == prefix || functionName.StartsWith(prefix + "-", StringComparison.Ordinal);

    private static IEnumerable<string> ServiceProblems(ServiceDescription service, List<AppFunction> functions)
    {
        if (functions.Count == 0)
        {
            yield return $"service '{service.Name}' enables no function";
        }
        foreach (var prefix in service.Functions.Where(p => functions.All(f => !Enables(p, f.Name))))
        {
            yield return $"service '{service.Name}' lists prefix '{prefix}', which matches no function";
        }
        var scaling = service.Scaling;
        if (scaling.Http is null && scaling.Triggers.Count == 0)
        {
            yield return $"service '{service.Name}' has no scaling: give it `http` or `triggers`";
        }
        if (scaling.Http is { ScaleToZero: true } && functions.Any(f => f.Subscriptions.Count > 0))
        {
            yield return $"service '{service.Name}' scales to zero but subscribes to topics ({string.Join(", ", functions.Where(f => f.Subscriptions.Count > 0).Select(f => f.Name))}): nothing would wake it for an event";
        }
        if (scaling.Http is { ScaleToZero: false, MinReplicas: 0 })
        {
            yield return $"service '{service.Name}' has http.minReplicas 0 without scaleToZero: true";
        }
    }
}
