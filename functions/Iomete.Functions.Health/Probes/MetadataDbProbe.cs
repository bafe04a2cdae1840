using System.Collections.Concurrent;
using System.Data.Common;
using Iomete.Platform.Data;

namespace Iomete.Functions.Health.Probes;

/// <summary>
/// Every service database answers <c>SELECT 1</c> (a SQLite file each locally, a PostgreSQL database each in a cluster);
/// the message names the ones that do not.
/// </summary>
internal sealed class MetadataDbProbe(IMetadataDb db, IEnumerable<ServiceDatabase> databases) : IHealthProbe
{
    private const int Parallelism = 4;

    public string Component => ComponentNames.MetadataDb;

    public string DisplayName => "Metadata database";

    public async Task ProbeAsync(CancellationToken ct)
    {
        var services = databases.Select(d => d.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(services, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (service, token) =>
        {
            try
            {
                await using var connection = await db.OpenAsync(service, token);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(token);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or TimeoutException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                failures[service] = ex.Message;
            }
        });
        ct.ThrowIfCancellationRequested();
        if (!failures.IsEmpty)
        {
            var first = failures.OrderBy(f => f.Key, StringComparer.Ordinal).First();
            throw new HealthProbeException(
                $"{failures.Count} of {services.Count} service databases do not answer ({string.Join(", ", failures.Keys.Order(StringComparer.Ordinal))}): {first.Value}");
        }
    }
}

/// <summary>A probe's failure with the message the API shows.</summary>
public sealed class HealthProbeException(string message, Exception? inner = null) : Exception(message, inner);
