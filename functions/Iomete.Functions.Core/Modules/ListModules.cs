using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Modules;

/// <param name="Name">The service, e.g. <c>core</c>, <c>identity</c>.</param>
/// <param name="Functions">How many functions this deployment serves for it.</param>
public sealed record ModuleView(string Name, bool Enabled, int Functions);

/// <summary>Which modules this deployment serves: a module is enabled when its functions are registered.</summary>
public sealed class ListModules(ICallerAccessor callers, FunctionCatalog catalog)
{
    private const string AssemblyPrefix = "Iomete.Functions.";

    [Function("core-modules-list")]
    [OpenApiOperation("Discovery", "List the enabled modules")]
    [OpenApiResponse(200, typeof(Page<ModuleView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/modules")] HttpRequest request,
        CancellationToken ct)
    {
        await callers.RequireAsync(request, ct);
        var modules = catalog.Functions
            .GroupBy(f => f.FunctionClass.Assembly.GetName().Name ?? "")
            .Where(g => g.Key.StartsWith(AssemblyPrefix, StringComparison.Ordinal))
            .Select(g => new ModuleView(g.Key[AssemblyPrefix.Length..].ToLowerInvariant(), true, g.Count()))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        return ApiResults.Ok(new Page<ModuleView>(modules, modules.Count, 0, Math.Max(modules.Count, 1)));
    }
}
