using System.Data.Common;
using Iomete.Platform.Data;

namespace Iomete.Functions.Identity.Storage;

/// <summary>The identity service's database (one per service; SQLite file or PostgreSQL database).</summary>
public sealed class IdentityDb(IMetadataDb db)
{
    public Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(IdentityRegistration.Service, ct);

    public bool IsUniqueViolation(Exception exception) => db.IsUniqueViolation(exception);

    public static long Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
