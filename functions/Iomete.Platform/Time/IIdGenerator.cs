namespace Iomete.Platform.Time;

/// <summary>Makes identifiers; tests replace it to get predictable ids.</summary>
public interface IIdGenerator
{
    string NewId();
}

/// <summary>Time-ordered UUIDs (version 7), so ids sort by creation.</summary>
public sealed class UuidV7Generator(TimeProvider clock) : IIdGenerator
{
    public string NewId() => Guid.CreateVersion7(clock.GetUtcNow()).ToString();
}
