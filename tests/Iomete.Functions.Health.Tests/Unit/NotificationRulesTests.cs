using Iomete.Functions.Health.Notifications;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Health.Tests.Unit;

public sealed class NotificationRulesTests
{
    [Theory]
    [InlineData("http://hooks.example.com/health")]
    [InlineData("https://hooks.example.com:8443/a?b=c")]
    [InlineData("http://127.0.0.1:9000/")]
    public void HttpAndHttpsUrls_AreWebhooks(string url) => Assert.True(NotificationRules.IsWebhookUrl(url));

    [Theory]
    [InlineData("ftp://example.com/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public void OtherUrls_AreNotWebhooks(string url) => Assert.False(NotificationRules.IsWebhookUrl(url));

    [Fact]
    public void Validate_TrimsAndRemovesDuplicates()
    {
        var (emails, webhooks) = NotificationRules.Validate(new NotificationSettingsRequest(
            [" ops@example.com", "ops@example.com", "oncall@example.com"], ["https://a.example.com/h", "https://a.example.com/h "]));

        Assert.Equal(["ops@example.com", "oncall@example.com"], emails);
        Assert.Equal(["https://a.example.com/h"], webhooks);
    }

    [Fact]
    public void Validate_NamesEveryBadField()
    {
        var error = Assert.Throws<ValidationException>(() => NotificationRules.Validate(
            new NotificationSettingsRequest(["not-an-email"], ["ftp://example.com"])));

        Assert.Equal(["emails", "webhooks"], error.Errors!.Keys.Order());
    }

    [Fact]
    public void Validate_BoundsTheLists() =>
        Assert.Throws<ValidationException>(() => NotificationRules.Validate(new NotificationSettingsRequest(
            null, [.. Enumerable.Range(0, NotificationRules.MaxWebhooks + 1).Select(i => $"https://h{i}.example.com/")])));
}
