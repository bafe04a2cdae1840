namespace Iomete.Platform.Data;

/// <summary>
/// A value shared by every process on one embedded data directory that changes whenever a writer
/// signals it (after its commit). A reader may reuse what it read while <see cref="Current"/> is still
/// the value it saw before reading.
/// </summary>
public interface IChangeSignal
{
    long Current { get; }

    /// <summary>Call after committing a change that cached readers must not miss.</summary>
    void Signal();
}
