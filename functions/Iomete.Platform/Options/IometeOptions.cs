using System.ComponentModel.DataAnnotations;

namespace Iomete.Platform.Options;

/// <summary>Top-level platform settings, bound from the <c>Iomete</c> configuration section.</summary>
public sealed class IometeOptions
{
    public const string Section = "Iomete";

    /// <summary>
    /// Folder for everything the embedded platform keeps on disk (SQLite files, the local warehouse,
    /// the generated admin password). Env: <c>Iomete__DataDir</c>. Default: <c>~/.iomete</c>.
    /// </summary>
    [Required]
    public string DataDir { get; set; } = DefaultDataDir();

    /// <summary>Largest request body a function accepts, in bytes (default 1 MiB).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public static string DefaultDataDir() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".iomete");
}
