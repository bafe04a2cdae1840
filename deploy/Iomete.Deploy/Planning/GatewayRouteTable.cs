namespace Iomete.Deploy.Planning;

/// <summary>One gateway route: requests under <see cref="Prefix"/> go to <see cref="Service"/>.</summary>
internal sealed record GatewayRoute(RoutePattern Prefix, string Service, bool Streaming);

/// <summary>
/// The gateway's HTTP routes, derived from the function routes: for each public function, the shortest prefix of its
/// route that no other service's function could also match. Longest-prefix matching over the result sends every
/// public route to the service that enables it; internal routes (platform calls only) get no route.
/// </summary>
internal sealed class GatewayRouteTable
{
    private GatewayRouteTable(IReadOnlyList<GatewayRoute> routes, IReadOnlyList<RoutePattern> internalPrefixes)
    {
        Routes = routes;
        InternalPrefixes = internalPrefixes;
    }

    /// <summary>Most specific first (the order a first-match router such as Nginx regex locations needs).</summary>
    public IReadOnlyList<GatewayRoute> Routes { get; }

    public IReadOnlyList<RoutePattern> InternalPrefixes { get; }

    public static GatewayRouteTable Create(DeploymentPlan plan)
    {
        var internalPrefixes = plan.Description.Gateway.InternalPrefixes.Select(RoutePattern.Parse).ToList();
        var routed = plan.Services
            .SelectMany(s => s.Functions.Where(f => !plan.IsShared(f)).Select(f => (Service: s, Route: RoutePattern.FromRoute(f.Route), f.Name)))
            .Where(r => !internalPrefixes.Any(p => p.IsPrefixOf(r.Route)))
            .ToList();
        var chosen = new HashSet<GatewayRoute>();
        foreach (var (service, route, name) in routed)
        {
            var others = routed.Where(o => o.Service != service).ToList();
            var prefix = Enumerable.Range(1, route.Length).Select(route.Take)
                .FirstOrDefault(p => !others.Any(o => p.IsPrefixOf(o.Route)))
                ?? throw new InvalidDataException(
                    $"The gateway cannot tell function '{name}' ({route}) of '{service.Name}' from " +
                    string.Join(", ", others.Where(o => route.IsPrefixOf(o.Route)).Select(o => $"'{o.Name}' of '{o.Service.Name}'")));
            chosen.Add(new GatewayRoute(prefix, service.Name, service.Description.Streaming));
        }
        // A longer prefix of a service is redundant under a shorter one of the same service: the shorter matched no
        // other service's route, so nothing can sit between them.
        var routes = chosen
            .Where(r => !chosen.Any(s => s != r && s.Service == r.Service && s.Prefix.Length < r.Prefix.Length && s.Prefix.IsPrefixOf(r.Prefix)))
            .OrderByDescending(r => r.Prefix.Length)
            .ThenByDescending(r => r.Prefix.Segments.Count(s => s != RoutePattern.Any))
            .ThenBy(r => r.Prefix.ToString(), StringComparer.Ordinal)
            .ToList();
        return new GatewayRouteTable(routes, internalPrefixes);
    }

    /// <summary>The service the gateway sends a request for this route to; null when internal or unrouted.</summary>
    public string? Resolve(string route)
    {
        var pattern = RoutePattern.FromRoute(route);
        if (InternalPrefixes.Any(p => p.IsPrefixOf(pattern)))
        {
            return null;
        }
        return Routes.Where(r => r.Prefix.IsPrefixOf(pattern)).MaxBy(r => r.Prefix.Length)?.Service;
    }
}
