using System.Text.Json.Nodes;
using Iomete.Platform.Errors;
using Iomete.Workflows.Pipelines;
using static Iomete.Workflows.Tests.Pipelines.PipelineHost;

namespace Iomete.Workflows.Tests.Pipelines;

public sealed class PipelineGraphTests
{
    private static string Problem(params PipelineNode[] nodes) => Assert.Throws<ValidationException>(() => PipelineGraph.Validate(nodes)).Detail!;

    [Fact]
    public void Validate_WithACycle_NamesTheCycleInRunOrder()
    {
        var detail = Problem(
            Node("start", "ok-1"),
            Node("a", "ok-1", OnSuccess("start"), OnSuccess("c")),
            Node("b", "ok-1", OnSuccess("a")),
            Node("c", "ok-1", OnSuccess("b")));

        Assert.Contains("the dependencies form a cycle: ", detail, StringComparison.Ordinal);
        var cycle = detail[(detail.IndexOf("cycle: ", StringComparison.Ordinal) + 7)..].Split(" -> ");
        Assert.Equal(4, cycle.Length);
        Assert.Equal(cycle[0], cycle[^1]);
        Assert.Equal(["a", "b", "c"], cycle[..3].Order());
        // Each arrow points from a node to one that depends on it.
        var index = Array.IndexOf(cycle, "a");
        Assert.Equal("b", cycle[index + 1]);
    }

    [Fact]
    public void Validate_WithUnknownDependency_DuplicateKeyAndBadKey_ListsEveryProblem()
    {
        var detail = Problem(Node("a", "ok-1"), Node("a", "ok-2"), Node("B!", "ok-3"), Node("c", "ok-4", OnSuccess("nope")));

        Assert.Contains("node key 'a' is used more than once", detail, StringComparison.Ordinal);
        Assert.Contains("node key 'B!' must be", detail, StringComparison.Ordinal);
        Assert.Contains("node 'c' depends on unknown node 'nope'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithoutNodes_SaysAPipelineNeedsOne()
    {
        Assert.Contains("at least one node", Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithSelfDependency_Refuses()
    {
        Assert.Contains("node 'a' depends on itself", Problem(Node("a", "ok-1", OnSuccess("a"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenANodeReadsTheOutputOfANodeNotUpstream_Refuses()
    {
        var reader = Node("b", "ok-2") with { Parameters = new JsonObject { ["arguments"] = new JsonArray("${nodes.a.output.rows}") } };

        var detail = Problem(Node("a", "ok-1"), reader);

        Assert.Contains("'a' is not upstream of it", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithAMalformedReference_Refuses()
    {
        var node = Node("a", "ok-1") with { Parameters = new JsonObject { ["x"] = "${nodes.a.bogus}" } };

        Assert.Contains("is not a valid reference", Problem(node), StringComparison.Ordinal);
    }

    [Fact]
    public void Order_PutsDependenciesFirst()
    {
        var graph = PipelineGraph.Validate([Node("d", "ok", OnSuccess("b"), OnSuccess("c")), Node("c", "ok", OnSuccess("a")), Node("b", "ok", OnSuccess("a")), Node("a", "ok")]);

        Assert.Equal(["a", "c", "b", "d"], graph.Order);
        Assert.Equal(["b", "c", "d"], graph.Descendants("a").Order());
        Assert.Equal(["a", "b", "c"], graph.Ancestors("d").Order());
    }

    [Fact]
    public void Templates_ResolveNodeOutputsAndParamsInNestedStrings_AndReportWhatIsMissing()
    {
        var parameters = new JsonObject
        {
            ["arguments"] = new JsonArray("--rows=${nodes.a.output.rows}", "${params.day}"),
            ["envVars"] = new JsonObject { ["X"] = "${nodes.a.output.missing}", ["SPARK"] = "${env:HOME}" },
        };

        var resolved = PipelineTemplates.Resolve(parameters, r => r.Scope == "params" ? "2026-11-28" : r.Field == "output.rows" ? "42" : null, out var missing);

        Assert.Equal("""{"arguments":["--rows=42","2026-11-28"],"envVars":{"X":"${nodes.a.output.missing}","SPARK":"${env:HOME}"}}""", resolved!.ToJsonString());
        Assert.Equal(["${nodes.a.output.missing}"], missing);
        Assert.Equal("42", PipelineTemplates.Field("""{"stats":{"rows":42}}""", "stats.rows"));
        Assert.Equal("x", PipelineTemplates.Field("""{"t":"x"}""", "t"));
    }
}
