namespace Iomete.DataSecurity.Engine;

/// <summary>What conditions can look at: the caller's groups and roles, the tag being evaluated, the access time.</summary>
internal sealed record ConditionContext(
    EvalUser User,
    IReadOnlyDictionary<string, string>? TagAttributes,
    DateTimeOffset AccessTime);
