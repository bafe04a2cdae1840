using Iomete.Iceberg.IO;
using Iomete.Platform.Storage;

namespace Iomete.Engine.Tests;

/// <summary>A temporary local-folder warehouse (file:// locations) with its <see cref="TableFileIO"/>.</summary>
public sealed class Warehouse : IDisposable
{
    public Warehouse()
    {
        Folder = Path.Combine(Path.GetTempPath(), "iomete-engine-" + Guid.NewGuid().ToString("N"));
        IO = new TableFileIO(new LocalFolderObjectStore(Folder));
    }

    public string Folder { get; }

    public TableFileIO IO { get; }

    public string TableLocation(string name) => IO.Root + "/db/" + name;

    /// <summary>The local path of a location under the warehouse.</summary>
    public string LocalPath(string location) => Path.Combine(Folder, IO.KeyOf(location));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
