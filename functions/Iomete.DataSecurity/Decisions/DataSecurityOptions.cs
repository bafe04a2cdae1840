namespace Iomete.DataSecurity.Decisions;

/// <summary>Settings of data-security enforcement (<c>Iomete:DataSecurity</c>).</summary>
public sealed class DataSecurityOptions
{
    public const string Section = "Iomete:DataSecurity";

    /// <summary>Users (by username) that every data policy lets through, like Ranger's super users; the super admin always is one.</summary>
    public IList<string> SuperUsers { get; init; } = [];

    /// <summary>Groups (by name) whose members are super users.</summary>
    public IList<string> SuperGroups { get; init; } = [];

    /// <summary>The secret of trusted engines (see <see cref="TrustedEngine"/>); set the same value on every replica in a cluster.</summary>
    public string? TrustedEngineSecret { get; init; }
}
