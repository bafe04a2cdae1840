namespace Iomete.Platform.Functions;

/// <summary>A dependency that must answer before a host takes traffic (object store, …).</summary>
public interface IReadinessCheck
{
    string Name { get; }

    /// <summary>Completes when the dependency answers; throws with the reason when it does not.</summary>
    Task CheckAsync(CancellationToken ct);
}
