using Iomete.Engine.DuckDb;

namespace Iomete.Functions.Health.Probes;

/// <summary>The embedded engine (DuckDB) opens a connection with the platform's settings and answers <c>SELECT 1</c>.</summary>
internal sealed class EmbeddedEngineProbe : IHealthProbe
{
    public string Component => ComponentNames.EmbeddedEngine;

    public string DisplayName => "Embedded engine (DuckDB)";

    public async Task ProbeAsync(CancellationToken ct)
    {
        await using var connection = await EngineConnections.OpenInMemoryAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        var value = await command.ExecuteScalarAsync(ct);
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 1)
        {
            throw new HealthProbeException($"SELECT 1 returned {value}.");
        }
    }
}
