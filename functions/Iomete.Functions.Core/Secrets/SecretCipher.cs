using Iomete.Platform.Options;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Core.Secrets;

/// <summary>The core service's secrets (SMTP and webhook credentials) under its own key file (<see cref="KeyFileCipher"/>).</summary>
public sealed class SecretCipher(IOptions<IometeOptions> platform, IOptions<CoreOptions> options)
    : KeyFileCipher(options.Value.SecretKeyFile ?? Path.Combine(platform.Value.DataDir, "keys", "core-secrets.key"));
