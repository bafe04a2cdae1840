using System.Text;
using Iomete.Testing;

namespace Iomete.Functions.App.Tests.Images;

/// <summary>
/// The console image's nginx configuration run by Debian's nginx on a free loopback port, over a folder shaped like
/// the published wwwroot. Only the port and the root change from the file the image copies.
/// </summary>
internal sealed class ConsoleNginx : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _mainConfig;

    private ConsoleNginx(string folder, string mainConfig, int port)
    {
        _folder = folder;
        _mainConfig = mainConfig;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public string Root => Path.Combine(_folder, "html");

    public static async Task<ConsoleNginx> StartAsync(IReadOnlyDictionary<string, byte[]> files)
    {
        var folder = Directory.CreateTempSubdirectory("iomete-nginx-").FullName;
        foreach (var (relative, bytes) in files)
        {
            var path = Path.Combine(folder, "html", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes);
        }
        var port = TestProcess.FreePort();
        var site = await File.ReadAllTextAsync(Path.Combine(Requires.RepositoryRoot(), "console", "Iomete.Console", "deploy", "nginx.conf"));
        site = Replace(site, "listen 8080;", $"listen 127.0.0.1:{port};");
        site = Replace(site, "root /usr/share/nginx/html;", $"root {Path.Combine(folder, "html")};");
        await File.WriteAllTextAsync(Path.Combine(folder, "site.conf"), site);
        var main = Path.Combine(folder, "nginx.conf");
        // One process, no workers: it runs as the test's user and reads the private temp folder.
        await File.WriteAllTextAsync(main, $$"""
            master_process off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/site.conf;
            }
            """);
        await TestProcess.RunAsync(NginxFactAttribute.Executable, ["-t", "-p", folder, "-c", main], TimeSpan.FromSeconds(30));
        await TestProcess.RunAsync(NginxFactAttribute.Executable, ["-p", folder, "-c", main], TimeSpan.FromSeconds(30));
        return new ConsoleNginx(folder, main, port);
    }

    private static string Replace(string text, string old, string replacement) =>
        text.Contains(old, StringComparison.Ordinal)
            ? text.Replace(old, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"nginx.conf no longer contains '{old}'; update the test.");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TestProcess.RunAsync(NginxFactAttribute.Executable, ["-p", _folder, "-c", _mainConfig, "-s", "stop"], TimeSpan.FromSeconds(30));
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
