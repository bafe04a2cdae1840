using System.Security.Cryptography;

namespace Iomete.Functions.LocalHost.Hosting;

/// <summary>A fresh app API token per process: the local scheduler is the only internal caller.</summary>
internal static class LocalAppToken
{
    public static string Create() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
}
