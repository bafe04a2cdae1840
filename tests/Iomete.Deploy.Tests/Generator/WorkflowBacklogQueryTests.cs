using Iomete.DurableTask.Sql.Backend;
using YamlDotNet.RepresentationModel;

namespace Iomete.Deploy.Tests.Generator;

/// <summary>The KEDA postgresql trigger of the workflows worker asks the backlog query the Durable Task backend publishes.</summary>
public sealed class WorkflowBacklogQueryTests
{
    [Fact]
    public void The_workflows_worker_scales_on_the_backends_backlog_query()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(GeneratedOutput.DescriptionPath)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var worker = ((YamlSequenceNode)root["workers"]).Cast<YamlMappingNode>().Single(w => w["name"].ToString() == "workflows-worker");
        var trigger = ((YamlSequenceNode)worker["scaling"]["triggers"]).Cast<YamlMappingNode>().Single(t => t["type"].ToString() == "postgresql");
        Assert.Equal(Normalize(SqlOrchestrationService.PostgresBacklogQuery()), Normalize(trigger["metadata"]["query"].ToString()));
    }

    private static string Normalize(string sql) => string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
