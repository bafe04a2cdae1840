using Iomete.Console.Pages.Sql;
using Microsoft.Extensions.Time.Testing;

namespace Iomete.Console.Tests.Sql;

public sealed class AutoSaverTests
{
    private readonly FakeTimeProvider time = new();
    private int saves;
    private bool fail;

    private AutoSaver Saver() => new(_ =>
    {
        saves++;
        return Task.FromResult(!fail);
    }, TimeSpan.FromSeconds(2), time);

    [Fact]
    public void ChangesInQuickSuccession_AreSavedOnce_AfterTheQuietPeriod()
    {
        using var saver = Saver();
        saver.Changed();
        time.Advance(TimeSpan.FromSeconds(1.5));
        saver.Changed();
        time.Advance(TimeSpan.FromSeconds(1.5));
        saver.Changed();
        Assert.Equal(0, saves);
        Assert.Equal(SaveState.Pending, saver.State);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, saves);
        Assert.Equal(SaveState.Saved, saver.State);
    }

    [Fact]
    public async Task Flush_SavesAtOnce_AndOnlyWhenSomethingChanged()
    {
        using var saver = Saver();
        await saver.FlushAsync();
        Assert.Equal(0, saves);
        saver.Changed();
        await saver.FlushAsync();
        Assert.Equal(1, saves);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, saves);
    }

    [Fact]
    public async Task AFailedSave_IsShown_AndTheNextFlushTriesAgain()
    {
        using var saver = Saver();
        fail = true;
        saver.Changed();
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(SaveState.Failed, saver.State);
        fail = false;
        await saver.FlushAsync();
        Assert.Equal((2, SaveState.Saved), (saves, saver.State));
    }

    [Fact]
    public void Reset_ForgetsAPendingChange()
    {
        using var saver = Saver();
        saver.Changed();
        saver.Reset();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal((0, SaveState.Saved), (saves, saver.State));
    }
}
