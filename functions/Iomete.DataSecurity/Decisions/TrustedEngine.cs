using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Iomete.DataSecurity.Decisions;

/// <summary>
/// The shared secret that marks a catalog client as a trusted engine: one that applies the row filters and column
/// masks the catalog hands it (our SQL service and ingest, IOMETE's Spark images). Clients without it never receive
/// a table that a filter or mask protects from them. The secret is <c>Iomete:DataSecurity:TrustedEngineSecret</c>;
/// when unset, a random one is made per process (enough when every service runs in one process).
/// </summary>
public sealed class TrustedEngine
{
    public const string Header = "X-Iomete-Trusted-Engine";

    private readonly byte[] secret;

    public TrustedEngine(IOptions<DataSecurityOptions> options)
    {
        var configured = options.Value.TrustedEngineSecret;
        Secret = string.IsNullOrEmpty(configured) ? Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) : configured;
        secret = Encoding.UTF8.GetBytes(Secret);
    }

    /// <summary>The value a trusted engine sends in <see cref="Header"/>.</summary>
    public string Secret { get; }

    public bool IsTrusted(string? headerValue) =>
        headerValue is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(headerValue), secret);
}
