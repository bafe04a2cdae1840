using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Iomete.Testing;

/// <summary>Real services that integration tests start through fixtures.</summary>
public enum TestService
{
    Postgres,
    S3rver,
    /// <summary>node on PATH and the npm packages of tests/node (iceberg-js).</summary>
    Node,
}

/// <summary>
/// Declares the real services every <see cref="ServiceFactAttribute"/> test of a class needs (also
/// for tests inherited from an abstract contract class).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NeedsServicesAttribute(params TestService[] services) : Attribute
{
    public TestService[] Services { get; } = services;
}

/// <summary>
/// A fact that needs real services (its own list plus its class's <see cref="NeedsServicesAttribute"/>).
/// When one cannot start here the test is skipped with the reason, except in CI
/// (<see cref="Requires.InCi"/>), where it runs and fails, so a green CI never hides a missing install.
/// </summary>
[XunitTestCaseDiscoverer("Iomete.Testing.ServiceFactDiscoverer", "Iomete.Testing")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ServiceFactAttribute(params TestService[] services) : FactAttribute
{
    public TestService[] Services { get; } = services;
}

/// <summary>Discovers <see cref="ServiceFactAttribute"/> tests, skipping those whose services are missing.</summary>
public sealed class ServiceFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public static string? MissingReason(TestService service) => service switch
    {
        TestService.Postgres => PostgresServer.MissingReason(),
        TestService.S3rver => S3rverServer.MissingReason(),
        TestService.Node => NodeTools.MissingReason(),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var services = (factAttribute.GetNamedArgument<TestService[]>(nameof(ServiceFactAttribute.Services)) ?? [])
            .Concat(testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsServicesAttribute))
                .SelectMany(a => a.GetNamedArgument<TestService[]>(nameof(NeedsServicesAttribute.Services)) ?? []))
            .Distinct();
        var missing = services.Select(MissingReason).OfType<string>().ToList();
        if (missing.Count > 0 && !Requires.InCi)
        {
            return new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, string.Join(" ", missing));
        }
        return base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}
