using Iomete.Functions.Core.Integrations.Webhooks;
using Iomete.Functions.Core.Tests.Support;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Core.Tests.Integrations;

public sealed class WebhookStoreTests : IAsyncLifetime
{
    private readonly CoreServices _services = CoreServices.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private WebhookStore Store => _services.Get<WebhookStore>();

    private static WebhookSpec Spec(string name, string? secret, bool isUpdate = false) =>
        WebhookRules.Validate(new WebhookRequest(name, "https://hooks.example.com/x", null, secret, ["spark-job.*"], null), isUpdate);

    [Fact]
    public async Task Secret_IsWriteOnly_KeptWhenOmitted_RemovedWhenEmpty()
    {
        var created = await Store.CreateAsync(Spec("ops", "s1"), CancellationToken.None);
        Assert.True(created.SecretSet);
        Assert.Equal(WebhookKind.Generic, created.Kind);
        Assert.True(created.Enabled);

        await Store.UpdateAsync(created.Id, Spec("ops-renamed", null, isUpdate: true), CancellationToken.None);
        var kept = await Store.FindTargetAsync(created.Id, CancellationToken.None);
        Assert.Equal(("ops-renamed", "s1"), (kept!.Name, kept.Secret));

        var cleared = await Store.UpdateAsync(created.Id, Spec("ops-renamed", "", isUpdate: true), CancellationToken.None);
        Assert.False(cleared!.SecretSet);
        Assert.Null((await Store.FindTargetAsync(created.Id, CancellationToken.None))!.Secret);
    }

    [Fact]
    public async Task Names_AreUnique_OnCreateAndRename()
    {
        await Store.CreateAsync(Spec("a", null), CancellationToken.None);
        var b = await Store.CreateAsync(Spec("b", null), CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => Store.CreateAsync(Spec("a", null), CancellationToken.None));
        await Assert.ThrowsAsync<ConflictException>(() => Store.UpdateAsync(b.Id, Spec("a", null, isUpdate: true), CancellationToken.None));
        Assert.Equal(2, (await Store.ListAsync(new ListQuery(0, 10, "name", false, null), CancellationToken.None)).Total);
    }

    [Fact]
    public void Validate_NamesBadFields()
    {
        var ex = Assert.Throws<ValidationException>(() =>
            WebhookRules.Validate(new WebhookRequest("", "ftp://x", null, null, ["Bad Event", null], null), false));

        Assert.Equal(["events[0]", "events[1]", "name", "url"], ex.Errors!.Keys.Order(StringComparer.Ordinal));
    }
}
