namespace Iomete.Functions.Clusters.Tests.Compute;

internal static class ComputeHttp
{
    /// <summary>Polls until <paramref name="done"/> holds (or fails after <paramref name="seconds"/>).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        T last;
        do
        {
            last = await read();
            if (done(last))
            {
                return last;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < until);
        Assert.Fail($"{what}: not reached in {seconds} s; last: {last}");
        return last;
    }
}
