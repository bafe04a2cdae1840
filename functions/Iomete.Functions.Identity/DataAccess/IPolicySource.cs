using Iomete.DataSecurity.Engine;

namespace Iomete.Functions.Identity.DataAccess;

/// <summary>Where the decider reads policies and resource tags from (the policy store).</summary>
public interface IPolicySource
{
    /// <summary>The policy-set version; it changes with every change to policies, roles or resource tags.</summary>
    Task<long> CurrentVersionAsync(CancellationToken ct);

    Task<PolicySnapshot> SnapshotAsync(CancellationToken ct);

    /// <summary>Tags on the table itself (<c>column</c> null) and on its columns.</summary>
    ValueTask<IReadOnlyList<TableTag>> TagsAsync(string catalog, string database, string table, CancellationToken ct);
}

/// <param name="Column">Null for a tag on the table itself.</param>
public sealed record TableTag(string? Column, string Tag, IReadOnlyDictionary<string, string> Attributes);
