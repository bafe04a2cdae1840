using System.Reflection;

namespace Iomete.Platform.Data;

/// <summary>
/// A service's database and the assembly whose FluentMigrator migrations, tagged with the
/// service name, define it. Registered by each service's <c>Add…()</c>.
/// </summary>
public sealed record ServiceDatabase(string Service, Assembly MigrationsAssembly);
