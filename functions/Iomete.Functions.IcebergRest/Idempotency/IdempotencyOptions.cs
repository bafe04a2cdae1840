namespace Iomete.Functions.IcebergRest.Idempotency;

/// <summary>How long a finished response is kept for replay (advertised as <c>idempotency-key-lifetime</c>).</summary>
public sealed class IdempotencyOptions
{
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a duplicate waits for the first request with its key to finish.</summary>
    public TimeSpan WaitForFirst { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The lifetime as an ISO-8601 duration, e.g. <c>PT30M</c>.</summary>
    public string LifetimeIso => System.Xml.XmlConvert.ToString(Lifetime);
}
