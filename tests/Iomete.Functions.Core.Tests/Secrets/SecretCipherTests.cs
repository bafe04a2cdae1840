using Iomete.Functions.Core.Secrets;
using Iomete.Functions.Core.Tests.Support;

namespace Iomete.Functions.Core.Tests.Secrets;

public sealed class SecretCipherTests : IAsyncLifetime
{
    private readonly CoreServices _services = CoreServices.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public void Encrypt_ThenDecrypt_RoundTripsAndHidesThePlaintext()
    {
        var cipher = _services.Get<SecretCipher>();

        var stored = cipher.Encrypt("s3cr3t-value");

        Assert.DoesNotContain("s3cr3t", stored, StringComparison.Ordinal);
        Assert.NotEqual(stored, cipher.Encrypt("s3cr3t-value"));
        Assert.Equal("s3cr3t-value", cipher.Decrypt(stored));
    }

    [Fact]
    public async Task KeyFile_IsCreatedOwnerOnly_AndSharedByAnotherProcess()
    {
        var stored = _services.Get<SecretCipher>().Encrypt("shared");
        var keyFile = Path.Combine(_services.DataDir, "keys", "core-secrets.key");

        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
        await using var sibling = _services.Sibling();
        Assert.Equal("shared", sibling.Get<SecretCipher>().Decrypt(stored));
    }

    [Fact]
    public void Decrypt_WithTamperedValue_Fails()
    {
        var cipher = _services.Get<SecretCipher>();
        var stored = cipher.Encrypt("value");
        var bytes = Convert.FromBase64String(stored[3..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => cipher.Decrypt("v1:" + Convert.ToBase64String(bytes)));
    }
}
