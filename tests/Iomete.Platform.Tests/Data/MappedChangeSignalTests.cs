using Iomete.Platform.Data;

namespace Iomete.Platform.Tests.Data;

/// <summary>The change signal shared through a memory-mapped file, as two processes on one data directory see it.</summary>
public sealed class MappedChangeSignalTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "iomete-signal-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void ASignal_InOneMapping_ChangesWhatAnotherMappingOfTheFileReads()
    {
        var path = Path.Combine(folder, "iceberg.changes");
        using var writer = new MappedChangeSignal(path);
        using var reader = new MappedChangeSignal(path);
        var before = reader.Current;

        writer.Signal();

        Assert.NotEqual(before, reader.Current);
        Assert.Equal(writer.Current, reader.Current);
    }

    [Fact]
    public void EverySignal_ChangesTheValue()
    {
        using var signal = new MappedChangeSignal(Path.Combine(folder, "s.changes"));
        var seen = new HashSet<long> { signal.Current };
        for (var i = 0; i < 1000; i++)
        {
            signal.Signal();
            Assert.True(seen.Add(signal.Current));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
