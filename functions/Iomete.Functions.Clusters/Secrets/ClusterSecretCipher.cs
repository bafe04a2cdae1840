using Iomete.Platform.Options;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Secrets;

/// <summary>The cluster service's secrets (domain/global secrets, registry passwords) under its own key file (<see cref="KeyFileCipher"/>).</summary>
public sealed class ClusterSecretCipher(IOptions<IometeOptions> platform, IOptions<SecretsOptions> options)
    : KeyFileCipher(options.Value.KeyFile ?? Path.Combine(platform.Value.DataDir, "keys", "clusters-secrets.key"));
