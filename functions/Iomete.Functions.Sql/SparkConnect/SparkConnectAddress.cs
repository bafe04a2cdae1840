using System.Globalization;

namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>
/// A Spark Connect endpoint in the protocol's connection-string form <c>sc://host:port/;token=…;use_ssl=true</c>
/// (port 15002 when absent). Only the parameters the SQL service uses are read; others are ignored.
/// </summary>
public sealed record SparkConnectAddress(string Host, int Port, bool UseTls, string? Token)
{
    public const int DefaultPort = 15002;

    /// <summary>The HTTP/2 address the gRPC channel connects to.</summary>
    public Uri ChannelUri => new($"{(UseTls ? "https" : "http")}://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}");

    public static SparkConnectAddress Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (!connectionString.StartsWith("sc://", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"A Spark Connect address starts with 'sc://': '{connectionString}'.");
        }
        var rest = connectionString[5..];
        var parameters = "";
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            parameters = rest[(slash + 1)..];
            rest = rest[..slash];
        }
        var authority = new Uri("http://" + rest);
        var port = authority.IsDefaultPort && !rest.EndsWith(":80", StringComparison.Ordinal) ? DefaultPort : authority.Port;
        var values = parameters.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].ToLowerInvariant(), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
        var tls = values.TryGetValue("use_ssl", out var ssl) && bool.TryParse(ssl, out var on) && on;
        return new SparkConnectAddress(authority.Host, port, tls, values.GetValueOrDefault("token"));
    }

    /// <summary>The connection string, without the token.</summary>
    public override string ToString() =>
        $"sc://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{(UseTls ? ";use_ssl=true" : "")}";
}
