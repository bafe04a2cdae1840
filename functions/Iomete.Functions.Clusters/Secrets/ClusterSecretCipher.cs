using System.Security.Cryptography;
using System.Text;
using Iomete.Platform.Options;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Secrets;

/// <summary>
/// AES-256-GCM for the values this service keeps (domain/global secrets, registry passwords), with its own key file
/// (mode 0600, created on first use), as the core service does for its secrets: a service does not share another's
/// key, so one leaked key file opens one service's secrets only. Stored form: <c>v1:</c> + base64(nonce ‖ ciphertext ‖ tag).
/// </summary>
public sealed class ClusterSecretCipher
{
    private const string Prefix = "v1:";
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Lazy<byte[]> key;

    public ClusterSecretCipher(IOptions<IometeOptions> platform, IOptions<SecretsOptions> options)
    {
        var path = options.Value.KeyFile ?? Path.Combine(platform.Value.DataDir, "keys", "clusters-secrets.key");
        key = new Lazy<byte[]>(() => LoadOrCreateKey(path), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var blob = new byte[NonceSize + plain.Length + TagSize];
        var nonce = blob.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Value, TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(NonceSize, plain.Length), blob.AsSpan(NonceSize + plain.Length));
        return Prefix + Convert.ToBase64String(blob);
    }

    public string Decrypt(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("The stored secret is not in a known format.");
        }
        var blob = Convert.FromBase64String(stored[Prefix.Length..]);
        if (blob.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The stored secret is truncated.");
        }
        var length = blob.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key.Value, TagSize);
        aes.Decrypt(blob.AsSpan(0, NonceSize), blob.AsSpan(NonceSize, length), blob.AsSpan(NonceSize + length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return ReadKey(path);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var created = RandomNumberGenerator.GetBytes(KeySize);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, file))
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(created)));
            stream.Flush(flushToDisk: true);
        }
        try
        {
            // Two processes may race to create the key: the first move wins, the loser reads the winner's key.
            File.Move(temp, path, overwrite: false);
            return created;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return ReadKey(path);
        }
    }

    private static byte[] ReadKey(string path)
    {
        var read = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return read.Length == KeySize ? read : throw new CryptographicException($"The key file '{path}' must hold {KeySize} bytes in base64.");
    }
}
