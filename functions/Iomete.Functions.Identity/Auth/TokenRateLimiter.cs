using System.Collections.Concurrent;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.Auth;

/// <summary>
/// Enforces an access token's <c>maxRps</c> with a token bucket per token (burst = maxRps,
/// refilled at maxRps per second). Kept in memory: each replica limits what it serves.
/// </summary>
public sealed class TokenRateLimiter(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one request from the token's bucket or throws 429 with the seconds to wait.</summary>
    public void Acquire(string tokenId, int maxRps)
    {
        var now = clock.GetTimestamp();
        var bucket = _buckets.GetOrAdd(tokenId, _ => new Bucket(maxRps, now));
        double wait;
        lock (bucket)
        {
            if (bucket.Rate != maxRps)
            {
                bucket.Rate = maxRps;
                bucket.Tokens = Math.Min(bucket.Tokens, maxRps);
            }
            var elapsed = clock.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(maxRps, bucket.Tokens + Math.Max(0, elapsed) * maxRps);
            bucket.Stamp = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return;
            }
            wait = (1 - bucket.Tokens) / maxRps;
        }
        throw new TooManyRequestsException($"This access token allows {maxRps} requests per second.", Math.Max(1, (int)Math.Ceiling(wait)));
    }

    /// <summary>Forgets a token's bucket (after it was deleted).</summary>
    public void Forget(string tokenId) => _buckets.TryRemove(tokenId, out _);

    private sealed class Bucket(int rate, long stamp)
    {
        public int Rate { get; set; } = rate;
        public double Tokens { get; set; } = rate;
        public long Stamp { get; set; } = stamp;
    }
}
