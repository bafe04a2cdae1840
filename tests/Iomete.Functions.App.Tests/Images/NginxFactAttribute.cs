using Iomete.Testing;

namespace Iomete.Functions.App.Tests.Images;

/// <summary>A fact that runs Debian's nginx (test.sh installs it); skipped without it locally, failing in CI.</summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public const string Executable = "/usr/sbin/nginx";

    public NginxFactAttribute()
    {
        if (!File.Exists(Executable) && !Requires.InCi)
        {
            Skip = $"{Executable} is missing: apt-get install nginx (test.sh does).";
        }
    }
}
