namespace Iomete.DataSecurity.Engine;

/// <summary>The caller as the engine sees them: their groups (every caller is also in <c>public</c>), roles resolved through the snapshot.</summary>
internal sealed record EvalUser(
    string Name,
    IReadOnlySet<string> Groups,
    IReadOnlySet<string> Roles,
    IReadOnlyDictionary<string, string> Attributes);
