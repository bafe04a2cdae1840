namespace Iomete.Bench;

/// <summary>What the figures depend on besides the code: the machine is shared, so each report names its load.</summary>
internal static class BenchMachine
{
    /// <summary>The 1-minute load average now (a busy machine slows both sides of a comparison, and absolute times more).</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
