using System.Text.RegularExpressions;
using Iomete.Platform.Errors;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Pipelines;

namespace Iomete.Functions.Orchestrator.Pipelines;

/// <summary>Turns request fields into a valid pipeline definition, or a 400 that names the field.</summary>
internal static partial class PipelineRules
{
    public static string Name(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is >= 1 and <= 128
            ? trimmed
            : throw ValidationException.ForField("name", "must be 1-128 characters");
    }

    public static string? Description(string? description) =>
        description is { Length: > 2000 } ? throw ValidationException.ForField("description", "must be at most 2000 characters") : description;

    public static IReadOnlyList<PipelineNode> Nodes(List<PipelineNodeRequest?>? nodes)
    {
        var result = (nodes ?? []).Select((n, i) => n is null
            ? throw ValidationException.ForField($"nodes[{i}]", "must be an object")
            : new PipelineNode
            {
                Key = n.Key ?? "",
                JobId = n.JobId ?? "",
                Parameters = n.Parameters,
                DependsOn = (n.DependsOn ?? []).Select((d, j) => d?.Node is null
                    ? throw ValidationException.ForField($"nodes[{i}].dependsOn[{j}]", "needs a node")
                    : new PipelineDependency(d.Node, d.Condition ?? DependencyCondition.OnSuccess)).ToList(),
                Retry = n.Retry,
                MaxExecutionSeconds = n.MaxExecutionSeconds,
            }).ToList();
        PipelineGraph.Validate(result);
        return result;
    }

    public static IReadOnlyDictionary<string, string> Parameters(Dictionary<string, string>? parameters, string field = "parameters")
    {
        foreach (var name in (parameters ?? []).Keys.Where(k => !ParameterName().IsMatch(k)))
        {
            throw ValidationException.ForField(field, $"parameter name '{name}' must be 1-64 characters of letters, digits and '_'");
        }
        return parameters ?? [];
    }

    public static IReadOnlyList<PipelineTag> Tags(List<PipelineTag?>? tags) =>
        (tags ?? []).Select((t, i) => t is null || string.IsNullOrWhiteSpace(t.Key)
            ? throw ValidationException.ForField($"tags[{i}]", "needs a key")
            : t).ToList();

    /// <summary>With the job service at hand, every node's job must exist in the domain (400 names the node).</summary>
    /// <summary>
    /// Every node's job exists and the pipeline's author may RUN it (the nodes run as each job's run-as user, so a pipeline
    /// must not start jobs its author could not start).
    /// </summary>
    public static async Task RequireJobsAsync(IJobService? jobs, string domain, string userId, IReadOnlyList<PipelineNode> nodes, CancellationToken ct)
    {
        if (jobs is null)
        {
            return;
        }
        foreach (var node in nodes)
        {
            try
            {
                await jobs.GetJobAsUserAsync(domain, node.JobId, userId, "RUN", ct);
            }
            catch (NotFoundException)
            {
                throw ValidationException.ForField("nodes", $"node '{node.Key}': job '{node.JobId}' does not exist in domain '{domain}'");
            }
            catch (ForbiddenException)
            {
                throw new ForbiddenException($"Node '{node.Key}': you need RUN on job '{node.JobId}' to put it in a pipeline.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex ParameterName();
}
