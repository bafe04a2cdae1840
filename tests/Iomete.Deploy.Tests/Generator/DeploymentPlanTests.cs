using Iomete.Deploy.Description;
using Iomete.Deploy.Inputs;
using Iomete.Deploy.Planning;

namespace Iomete.Deploy.Tests.Generator;

/// <summary>The generator refuses a description that leaves a function out or enables it twice, saying which.</summary>
public sealed class DeploymentPlanTests
{
    private static AppFunction Function(string name, string route) => new(name, route, ["GET"], "A.dll", "A.B.Run", [], null);

    private static DeploymentDescription Description(params (string Name, string[] Prefixes)[] services) => new()
    {
        Services = services.Select(s => new ServiceDescription
        {
            Name = s.Name,
            Functions = [.. s.Prefixes],
            Scaling = new ScalingDescription { Http = new HttpScalingDescription { MinReplicas = 1, MaxReplicas = 2 } },
        }).ToList(),
    };

    [Fact]
    public void A_function_of_no_service_fails_with_its_name_and_route()
    {
        var error = Assert.Throws<InvalidDataException>(() => DeploymentPlan.Create(
            Description(("sql", ["sql"])),
            [Function("sql-queries-submit", "api/v1/sql"), Function("orphan-thing", "api/v1/orphan")]));
        Assert.Contains("function 'orphan-thing' (route api/v1/orphan) belongs to no service", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_of_two_services_fails_naming_both()
    {
        var error = Assert.Throws<InvalidDataException>(() => DeploymentPlan.Create(
            Description(("sql", ["sql"]), ("queries", ["sql-queries"])),
            [Function("sql-queries-submit", "api/v1/sql/queries"), Function("sql-worksheets-list", "api/v1/sql/worksheets")]));
        Assert.Contains("'sql-queries-submit' belongs to several services (sql, queries)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prefix_enables_whole_name_segments_only()
    {
        Assert.True(DeploymentPlan.Enables("health", "health-probes-run"));
        Assert.True(DeploymentPlan.Enables("health", "health"));
        Assert.False(DeploymentPlan.Enables("health", "healthz"));
    }

    [Fact]
    public void Routes_the_gateway_cannot_tell_apart_fail_the_plan()
    {
        var plan = DeploymentPlan.Create(
            Description(("a", ["a"]), ("b", ["b"])),
            [Function("a-one", "api/v1/things/{id}"), Function("b-two", "api/v1/things/{id}")]);
        var error = Assert.Throws<InvalidDataException>(() => GatewayRouteTable.Create(plan));
        Assert.Contains("cannot tell function 'a-one'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scale_to_zero_service_may_not_subscribe_to_topics()
    {
        var description = Description(("push", ["push"]));
        description.Services[0].Scaling.Http = new HttpScalingDescription { ScaleToZero = true, MaxReplicas = 2 };
        var subscriber = Function("push-on-sql", "internal/v1/push/sql") with { Subscriptions = [new TopicSubscription("pubsub", "sql-queries")] };
        var error = Assert.Throws<InvalidDataException>(() => DeploymentPlan.Create(description, [subscriber]));
        Assert.Contains("scales to zero but subscribes to topics", error.Message, StringComparison.Ordinal);
    }
}
