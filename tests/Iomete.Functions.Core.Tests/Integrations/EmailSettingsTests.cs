using Iomete.Functions.Core.Integrations.Email;
using Iomete.Functions.Core.Tests.Support;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Core.Tests.Integrations;

public sealed class EmailSettingsTests : IAsyncLifetime
{
    private readonly CoreServices _services = CoreServices.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public void Validate_WithEncryption_ForcesAuthAndRequiresCredentials()
    {
        var ex = Assert.Throws<ValidationException>(() => EmailSettingsRules.Validate(
            new EmailSettingsRequest("smtp.example.com", 587, SmtpSecurity.Starttls, false, null, null, "noreply@example.com", null)));

        Assert.Equal(["password", "username"], ex.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_WithBadFields_NamesThem()
    {
        var ex = Assert.Throws<ValidationException>(() => EmailSettingsRules.Validate(
            new EmailSettingsRequest("bad host!", 70000, null, null, null, null, "not-an-email", null)));

        Assert.Equal(["host", "port", "security", "senderEmail"], ex.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Save_StoresPasswordEncrypted_AndViewOnlySaysItIsSet()
    {
        var store = _services.Get<EmailSettingsStore>();
        var settings = EmailSettingsRules.Validate(
            new EmailSettingsRequest("smtp.example.com", 465, SmtpSecurity.SslTls, false, "mailer", "pa55word", "noreply@example.com", "IOMETE"));
        Assert.True(settings.RequireAuth);

        var view = await store.SaveAsync(settings, "admin", CancellationToken.None);

        Assert.True(view.PasswordSet);
        Assert.True(view.RequireAuth);
        Assert.Equal("pa55word", (await store.GetForSendingAsync(CancellationToken.None))!.Password);
        Assert.True(await store.DeleteAsync(CancellationToken.None));
        Assert.Null(await store.GetAsync(CancellationToken.None));
        Assert.False(await store.DeleteAsync(CancellationToken.None));
    }
}
