using Iomete.Platform.Tests.TestSupport;

namespace Iomete.Platform.Tests.Audit;

public sealed class SqliteAuditLogTests : AuditLogContract
{
    private readonly TempFolder _dataDir = new();

    protected override Task<Dictionary<string, string?>> SettingsAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Iomete:DataDir"] = _dataDir.Path });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dataDir.Dispose();
    }
}
