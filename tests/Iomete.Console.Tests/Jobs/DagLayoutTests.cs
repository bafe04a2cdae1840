using Iomete.Console.Pages.Jobs;

namespace Iomete.Console.Tests.Jobs;

public sealed class DagLayoutTests : ConsoleTestContext
{
    [Fact]
    public void ANodesLayer_IsItsLongestDependencyPath_NotItsShortest()
    {
        // extract -> clean -> load, and extract -> load directly: load still goes after clean.
        var layers = DagLayout.Layers(["load", "clean", "extract", "report"],
            [new("extract", "clean"), new("clean", "load"), new("extract", "load"), new("load", "report")]);
        Assert.Equal(0, layers["extract"]);
        Assert.Equal(1, layers["clean"]);
        Assert.Equal(2, layers["load"]);
        Assert.Equal(3, layers["report"]);
    }

    [Fact]
    public void IndependentRoots_ShareTheFirstLayer_InRows()
    {
        var layout = DagLayout.Of(["a", "b", "c"], [new("a", "c"), new("b", "c")]);
        var a = layout.Nodes.Single(n => n.Key == "a");
        var b = layout.Nodes.Single(n => n.Key == "b");
        var c = layout.Nodes.Single(n => n.Key == "c");
        Assert.Equal((0, 0, 0, 1), (a.Layer, a.Row, b.Layer, b.Row));
        Assert.Equal(1, c.Layer);
        Assert.True(c.X > a.X + DagLayout.NodeWidth);
        Assert.True(b.Y > a.Y);
        Assert.All(layout.Edges, e => Assert.True(e.X2 > e.X1, "every edge points right"));
        Assert.Equal(2, layout.Edges.Count);
    }

    [Fact]
    public void ACycle_DoesNotHang_AndEveryNodeIsPlaced()
    {
        var layout = DagLayout.Of(["x", "y"], [new("x", "y"), new("y", "x")]);
        Assert.Equal(2, layout.Nodes.Count);
    }

    [Fact]
    public void TheDrawnGraph_ColoursNodesByState_AndLabelsThemForScreenReaders()
    {
        var dag = Render<PipelineDag>(p => p
            .Add(x => x.Nodes, [new PipelineDag.Node("extract", "job-a", "COMPLETED"), new PipelineDag.Node("load", "job-b", "RUNNING"), new PipelineDag.Node("report", "job-c", null)])
            .Add(x => x.Edges, [new DagEdge("extract", "load"), new DagEdge("load", "report", "ON_FAILURE")]));
        var nodes = dag.FindAll("[data-testid=dag-node]");
        Assert.Equal(["COMPLETED", "RUNNING", ""], nodes.Select(n => n.GetAttribute("data-state") ?? ""));
        Assert.Equal(["0", "1", "2"], nodes.Select(n => n.GetAttribute("data-layer")));
        Assert.Contains("var(--mud-palette-success)", nodes[0].InnerHtml, StringComparison.Ordinal);
        Assert.Contains("var(--mud-palette-info)", nodes[1].InnerHtml, StringComparison.Ordinal);
        Assert.Equal("load: job-b, RUNNING", nodes[1].GetAttribute("aria-label"));
        var edges = dag.FindAll("[data-testid=dag-edge]");
        Assert.Equal("", edges[0].GetAttribute("stroke-dasharray"));
        Assert.Equal("5 4", edges[1].GetAttribute("stroke-dasharray"));
    }

    [Fact]
    public void TheEditorText_ParsesNodesAndConditions_AndNamesMistakes()
    {
        var (nodes, errors) = PipelineText.Parse("extract: job-a\nclean: job-b <- extract\nalert: job-c <- clean!, extract*\n# comment\nbad line");
        Assert.Equal(["extract", "clean", "alert", "bad line"], nodes.Select(n => n.Key).Take(3).Append(errors.Count == 1 ? "bad line" : "?"));
        Assert.Equal([("clean", "ON_FAILURE"), ("extract", "ALWAYS")], nodes[2].DependsOn);
        Assert.Contains("line 4", errors[0], StringComparison.Ordinal);
        var (_, missing) = PipelineText.Parse("a: job <- nowhere");
        Assert.Equal(["node 'a' waits for 'nowhere', which is not a node"], missing);
    }
}
