using Iomete.Functions.Core.Common;

namespace Iomete.Functions.Core.NodeTypes;

/// <summary>Which Spark pods may run on a node type.</summary>
public enum NodeTypeUsage
{
    Driver,
    Executor,
}

/// <summary>A node type: the CPU and memory of one Spark driver or executor pod.</summary>
/// <param name="Cpu">CPU in millicores (1000 = 1 vCPU).</param>
/// <param name="Memory">Memory in MiB.</param>
public sealed record NodeTypeView(
    string Id,
    string Name,
    string? Description,
    int Cpu,
    int Memory,
    IReadOnlyList<NodeTypeUsage> AvailableFor,
    bool SpotInstance,
    IReadOnlyList<ResourceTag> ResourceTags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Create or replace a node type. On update, <c>name</c> may be omitted; it cannot change.</summary>
/// <param name="Cpu">CPU in millicores, at least 10 (default 1000).</param>
/// <param name="Memory">Memory in MiB, at least 900 (default 1024).</param>
public sealed record NodeTypeRequest(
    string? Name = null,
    string? Description = null,
    int? Cpu = null,
    int? Memory = null,
    IReadOnlyList<NodeTypeUsage>? AvailableFor = null,
    bool? SpotInstance = null,
    IReadOnlyList<ResourceTag?>? ResourceTags = null);

/// <summary>A validated node type definition, ready to store.</summary>
public sealed record NodeTypeSpec(
    string Name,
    string? Description,
    int Cpu,
    int Memory,
    IReadOnlyList<NodeTypeUsage> AvailableFor,
    bool SpotInstance,
    IReadOnlyList<ResourceTag> ResourceTags);

internal static class NodeTypeRules
{
    public const int MaxNameLength = 255;
    public const int MaxDescriptionLength = 1024;
    public const int MinCpu = 10;
    public const int MaxCpu = 1_000_000;
    public const int MinMemory = 900;
    public const int MaxMemory = 16 * 1024 * 1024;

    /// <summary>Checks a request; <paramref name="existingName"/> is the route's name on update.</summary>
    public static NodeTypeSpec Validate(NodeTypeRequest request, string? existingName)
    {
        var errors = new FieldErrors();
        var name = request.Name;
        if (existingName is not null)
        {
            errors.Check(name is null || name == existingName, "name", "cannot be changed");
            name = existingName;
        }
        else
        {
            ResourceNames.CheckSubdomain(name, MaxNameLength, errors);
        }
        errors.Check(request.Description is null || request.Description.Length <= MaxDescriptionLength,
            "description", $"must be at most {MaxDescriptionLength} characters");
        var cpu = request.Cpu ?? 1000;
        errors.Check(cpu is >= MinCpu and <= MaxCpu, "cpu", $"must be from {MinCpu} to {MaxCpu} millicores");
        var memory = request.Memory ?? 1024;
        errors.Check(memory is >= MinMemory and <= MaxMemory, "memory", $"must be from {MinMemory} to {MaxMemory} MiB");
        var usage = request.AvailableFor?.Distinct().Order().ToList() ?? [];
        errors.Check(usage.Count > 0, "availableFor", "must name DRIVER, EXECUTOR or both");
        var tags = ResourceTags.Validate(request.ResourceTags, errors);
        errors.ThrowIfAny();
        return new NodeTypeSpec(name!, string.IsNullOrWhiteSpace(request.Description) ? null : request.Description,
            cpu, memory, usage, request.SpotInstance ?? false, tags);
    }
}
