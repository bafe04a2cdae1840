using Iomete.Platform.Functions;

namespace Iomete.Functions.LocalHost.Hosting;

internal static class FunctionEndpoints
{
    /// <summary>Maps every function in the catalog onto an endpoint with its own route and methods.</summary>
    public static IEndpointRouteBuilder MapFunctions(this IEndpointRouteBuilder endpoints)
    {
        var catalog = endpoints.ServiceProvider.GetRequiredService<FunctionCatalog>();
        foreach (var function in catalog.Functions)
        {
            var invoker = new FunctionInvoker(function);
            endpoints.MapMethods("/" + function.Route.TrimStart('/'), function.Methods, invoker.InvokeAsync)
                .WithName(function.Name)
                .WithMetadata(function);
        }
        return endpoints;
    }

    /// <summary>The local route table: what the test compares with <c>functions.metadata</c>.</summary>
    public static IReadOnlyList<(string Name, string Route, IReadOnlyList<string> Methods)> RouteTable(this IEndpointRouteBuilder endpoints) =>
        endpoints.DataSources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => e.Metadata.GetMetadata<FunctionDescriptor>())
            .Where(f => f is not null)
            .Select(f => (f!.Name, f.Route, f.Methods))
            .ToList();
}
