using System.Reflection;
using System.Runtime.InteropServices;

namespace Iomete.Deploy.Inputs;

/// <summary>
/// Reads <c>[TopicSubscription]</c> and <c>[CronBinding]</c> off the app's function methods with a
/// <see cref="MetadataLoadContext"/>: the assemblies are inspected, never run, so the generator needs no reference to
/// the function projects and always sees the same build as the functions.metadata beside them.
/// </summary>
internal sealed class FunctionAttributeReader : IDisposable
{
    private const string TopicSubscriptionAttribute = "Iomete.Platform.Functions.TopicSubscriptionAttribute";
    private const string CronBindingAttribute = "Iomete.Platform.Functions.CronBindingAttribute";
    private const string DefaultPubSub = "pubsub";

    private readonly string _appFolder;
    private readonly MetadataLoadContext _context;
    private readonly Dictionary<string, Assembly> _assemblies = new(StringComparer.Ordinal);

    public FunctionAttributeReader(string appFolder)
    {
        _appFolder = appFolder;
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        // The app's functions take ASP.NET Core types (HttpRequest): its shared framework sits beside the core one.
        var version = Path.GetFileName(runtime.TrimEnd(Path.DirectorySeparatorChar));
        var aspNet = Path.Combine(runtime, "..", "..", "Microsoft.AspNetCore.App", version);
        var paths = Directory.GetFiles(appFolder, "*.dll")
            .Concat(Directory.GetFiles(runtime, "*.dll"))
            .Concat(Directory.Exists(aspNet) ? Directory.GetFiles(aspNet, "*.dll") : []);
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Private.CoreLib");
    }

    public IReadOnlyList<TopicSubscription> Subscriptions(string scriptFile, string entryPoint) =>
        Attributes(scriptFile, entryPoint, TopicSubscriptionAttribute)
            .Select(a => new TopicSubscription(
                a.NamedArguments.Where(n => n.MemberName == "PubSubName").Select(n => (string)n.TypedValue.Value!).FirstOrDefault() ?? DefaultPubSub,
                (string)a.ConstructorArguments[0].Value!))
            .ToList();

    public CronBinding? Cron(string scriptFile, string entryPoint) =>
        Attributes(scriptFile, entryPoint, CronBindingAttribute)
            .Select(a => new CronBinding((string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!))
            .SingleOrDefault();

    private IEnumerable<CustomAttributeData> Attributes(string scriptFile, string entryPoint, string attributeType) =>
        Method(scriptFile, entryPoint).GetCustomAttributesData().Where(a => a.AttributeType.FullName == attributeType);

    private MethodInfo Method(string scriptFile, string entryPoint)
    {
        if (!_assemblies.TryGetValue(scriptFile, out var assembly))
        {
            assembly = _context.LoadFromAssemblyPath(Path.Combine(_appFolder, scriptFile));
            _assemblies[scriptFile] = assembly;
        }
        var split = entryPoint.LastIndexOf('.');
        var type = assembly.GetType(entryPoint[..split], throwOnError: true)!;
        return type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Single(m => m.Name == entryPoint[(split + 1)..]);
    }

    public void Dispose() => _context.Dispose();
}
