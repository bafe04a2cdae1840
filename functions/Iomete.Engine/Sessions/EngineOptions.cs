namespace Iomete.Engine.Sessions;

/// <summary>The embedded engine's settings (section <c>Iomete:Engine</c>).</summary>
public sealed class EngineOptions
{
    public const string Section = "Iomete:Engine";

    /// <summary>DuckDB threads per session when the caller asks for none (null = DuckDB's default, one per core).</summary>
    public int? Threads { get; set; }

    /// <summary>DuckDB memory limit per session, e.g. <c>4GB</c> (null = DuckDB's default, 80% of RAM).</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>Where sessions write files before they are stored (null = a folder under the system temp folder).</summary>
    public string? ScratchDirectory { get; set; }

    /// <summary>How often a write statement is retried when a concurrent commit won (each retry re-reads the table).</summary>
    public int CommitAttempts { get; set; } = 10;

    /// <summary>Idle DuckDB connections kept per caller for reuse (opening one costs ~20 ms).</summary>
    public int IdleConnectionsPerCaller { get; set; } = 2;
}
