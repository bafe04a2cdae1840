using System.Collections.Concurrent;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Auth;

/// <summary>Callers resolved from a token hash in the last moments (see <see cref="IdentityOptions.CallerCacheLifetime"/>).</summary>
internal sealed class CallerCache(TimeProvider clock, IOptions<IdentityOptions> options)
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public bool TryGet(string tokenHash, out Entry entry) =>
        entries.TryGetValue(tokenHash, out entry!) && entry.ExpiresAt > clock.GetUtcNow();

    public void Add(string tokenHash, Caller caller, string tokenId, int? maxRps)
    {
        var lifetime = options.Value.CallerCacheLifetime;
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
        entries[tokenHash] = new Entry(caller, tokenId, maxRps, clock.GetUtcNow() + lifetime);
    }

    public void Clear() => entries.Clear();

    internal sealed record Entry(Caller Caller, string TokenId, int? MaxRps, DateTimeOffset ExpiresAt);
}
