namespace Iomete.Platform.Storage;

public enum ObjectStoreType
{
    Local,
    S3,
}

/// <summary>Where the platform keeps objects, section <c>Iomete:Storage</c>.</summary>
public sealed class ObjectStoreOptions
{
    public const string Section = "Iomete:Storage";

    /// <summary><c>Local</c> (default: a folder) or <c>S3</c> (settings in <c>Iomete:Storage:S3</c>).</summary>
    public ObjectStoreType Type { get; set; } = ObjectStoreType.Local;

    /// <summary>Root folder of the local store. Default: <c>{Iomete:DataDir}/warehouse</c>.</summary>
    public string? LocalRoot { get; set; }
}
