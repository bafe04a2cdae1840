using System.IO.MemoryMappedFiles;

namespace Iomete.Platform.Data;

/// <summary>
/// <see cref="IChangeSignal"/> over an 8-byte memory-mapped file, so that writers in other processes on the
/// same data directory are seen too (as SQLite shares its WAL index). A signal writes a fresh random value
/// rather than incrementing: racing writers cannot leave the value unchanged, and aligned 8-byte stores are atomic.
/// </summary>
internal sealed class MappedChangeSignal : IChangeSignal, IDisposable
{
    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;

    public MappedChangeSignal(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length < sizeof(long))
        {
            stream.SetLength(sizeof(long));
        }
        file = MemoryMappedFile.CreateFromFile(stream, null, sizeof(long), MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        view = file.CreateViewAccessor(0, sizeof(long), MemoryMappedFileAccess.ReadWrite);
    }

    public long Current
    {
        get
        {
            Interlocked.MemoryBarrier();
            return view.ReadInt64(0);
        }
    }

    public void Signal()
    {
        Interlocked.MemoryBarrier();
        var current = view.ReadInt64(0);
        long next;
        do
        {
            next = Random.Shared.NextInt64();
        }
        while (next == current);
        view.Write(0, next);
        Interlocked.MemoryBarrier();
    }

    public void Dispose()
    {
        view.Dispose();
        file.Dispose();
    }
}
