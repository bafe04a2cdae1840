using Iomete.Testing;

namespace Iomete.Iceberg.Tests.Metadata;

/// <summary>The spec's table-metadata fixtures, read from the shared folder (never copied).</summary>
internal static class Fixtures
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(Requires.SharedFolder(), "specs", "iceberg", "fixtures", "table", name));
}
