namespace Iomete.Functions.EventStreams.Streams;

/// <summary>Limits of a stream's resources (replicas and what each replica gets).</summary>
public static class StreamResources
{
    public const int MinReplicas = 1;
    public const int MaxReplicas = 10;
    public const int MinCpuMillicores = 100;
    public const int MaxCpuMillicores = 64_000;
    public const int DefaultCpuMillicores = 1000;
    public const int MinMemoryMiB = 256;
    public const int MaxMemoryMiB = 512 * 1024;
    public const int DefaultMemoryMiB = 2048;
}
