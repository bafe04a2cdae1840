namespace Iomete.Functions.Core.NodeTypes;

/// <summary>IOMETE's on-premises default node types, added once to a new installation.</summary>
internal static class DefaultNodeTypes
{
    public const string SeedName = "node-types.on-prem-defaults";

    public static IReadOnlyList<NodeTypeSpec> All { get; } =
    [
        Driver("driver-small", 1, 8),
        Driver("driver-medium", 2, 16),
        Driver("driver-large", 4, 32),
        Driver("driver-x-large", 8, 64),
        Executor("exec-small", 2, 16),
        Executor("exec-medium", 4, 32),
        Executor("exec-large", 8, 64),
        Executor("exec-x-large", 16, 128),
    ];

    private static NodeTypeSpec Driver(string name, int vcpu, int gib) =>
        new(name, $"Driver: {vcpu} vCPU, {gib} GiB", vcpu * 1000, gib * 1024, [NodeTypeUsage.Driver], false, []);

    private static NodeTypeSpec Executor(string name, int vcpu, int gib) =>
        new(name, $"Executor: {vcpu} vCPU, {gib} GiB", vcpu * 1000, gib * 1024, [NodeTypeUsage.Executor], false, []);
}
