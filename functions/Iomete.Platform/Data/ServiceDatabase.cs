using System.Reflection;

namespace Iomete.Platform.Data;

/// <summary>
/// A service's database and the assembly whose FluentMigrator migrations, tagged with the
/// service name, define it. Registered by each service's <c>Add…()</c>. Without an assembly the
/// database is only created: its owner manages its schema (the durable workflow backend).
/// </summary>
public sealed record ServiceDatabase(string Service, Assembly? MigrationsAssembly);
