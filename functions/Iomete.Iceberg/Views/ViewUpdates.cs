using Iomete.Iceberg.Commits;

namespace Iomete.Iceberg.Views;

/// <summary>Adds a view version; a <c>schema-id</c> of -1 means the schema added earlier in this commit.</summary>
public sealed record AddViewVersion(ViewVersion ViewVersion) : TableUpdate { public override string Action => "add-view-version"; }

/// <summary>Makes a version current; -1 means the version added earlier in this commit.</summary>
public sealed record SetCurrentViewVersion(int ViewVersionId) : TableUpdate { public override string Action => "set-current-view-version"; }

/// <summary>A requirement of a view commit (the spec's <c>ViewRequirement</c>).</summary>
public abstract record ViewRequirement
{
    /// <summary>The spec's <c>type</c> discriminator.</summary>
    public abstract string Type { get; }

    /// <summary>Throws <see cref="CommitConflictException"/> when the requirement does not hold for <paramref name="current"/>.</summary>
    public abstract void Check(ViewMetadata current);
}

/// <summary>The view's UUID must match (the spec's <c>assert-view-uuid</c>).</summary>
public sealed record AssertViewUuid(Guid Uuid) : ViewRequirement
{
    public override string Type => "assert-view-uuid";

    public override void Check(ViewMetadata current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.ViewUuid != Uuid)
        {
            throw new CommitConflictException($"Requirement failed: {Type}: expected {Uuid}, found {current.ViewUuid}");
        }
    }
}
