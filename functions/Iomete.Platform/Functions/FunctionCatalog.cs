using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Platform.Functions;

/// <summary>
/// Every <c>[Function]</c> method with an <c>[HttpTrigger]</c> in the registered function assemblies.
/// The local host maps these onto endpoints and the OpenAPI document describes them.
/// </summary>
public sealed class FunctionCatalog
{
    public FunctionCatalog(IEnumerable<FunctionAssembly> assemblies)
    {
        Functions = assemblies
            .Select(a => a.Assembly)
            .Distinct()
            .SelectMany(Discover)
            .OrderBy(f => f.Route, StringComparer.Ordinal)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var duplicates = Functions.GroupBy(f => f.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Function names must be unique: {string.Join(", ", duplicates)}");
        }
    }

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public static IEnumerable<FunctionDescriptor> Discover(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                if (function is null)
                {
                    continue;
                }
                var trigger = method.GetParameters()
                    .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                    .FirstOrDefault(a => a is not null)
                    ?? throw new InvalidOperationException($"Function '{function.Name}' has no HttpTrigger: only HTTP triggers are allowed.");
                var methods = (trigger.Methods ?? ["get", "post", "put", "patch", "delete"])
                    .Select(m => m.ToUpperInvariant())
                    .ToList();
                var route = trigger.Route ?? throw new InvalidOperationException($"Function '{function.Name}' must set a Route.");
                yield return new FunctionDescriptor(
                    function.Name,
                    methods,
                    route,
                    method.GetCustomAttribute<AllowAnonymousCallerAttribute>() is not null,
                    method);
            }
        }
    }
}

/// <summary>Marks an assembly as containing functions; each service registers its own.</summary>
public sealed record FunctionAssembly(Assembly Assembly);
