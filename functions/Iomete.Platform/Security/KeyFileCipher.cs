using System.Security.Cryptography;
using System.Text;

namespace Iomete.Platform.Security;

/// <summary>
/// Encrypts the secrets a service keeps in its database with AES-256-GCM. One key, in a file readable only by the
/// platform (mode 0600), created on first use. Chosen over ASP.NET Data Protection because a single key file is the
/// whole story: no rotating key ring to share between replicas and the Functions app, nothing to configure beyond
/// mounting one file. Each service has its own key file, so one leaked key opens one service's secrets only.
/// Stored form: <c>v1:</c> + base64(nonce ‖ ciphertext ‖ tag).
/// </summary>
public class KeyFileCipher
{
    private const string Prefix = "v1:";
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Lazy<byte[]> _key;

    /// <param name="keyFile">The key's file; created (mode 0600) on first use when missing.</param>
    public KeyFileCipher(string keyFile) =>
        _key = new Lazy<byte[]>(() => LoadOrCreateKey(keyFile), LazyThreadSafetyMode.ExecutionAndPublication);

    public string Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var blob = new byte[NonceSize + plain.Length + TagSize];
        var nonce = blob.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key.Value, TagSize);
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
        using var aes = new AesGcm(_key.Value, TagSize);
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
        var key = RandomNumberGenerator.GetBytes(KeySize);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, file))
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            stream.Flush(flushToDisk: true);
        }
        try
        {
            // Two processes may race to create the key: the first move wins, the loser reads the winner's key.
            File.Move(temp, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return ReadKey(path);
        }
    }

    private static byte[] ReadKey(string path)
    {
        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return key.Length == KeySize
            ? key
            : throw new CryptographicException($"The key file '{path}' must hold {KeySize} bytes in base64.");
    }
}
