using System.Net;
using System.Net.Http.Headers;

namespace Iomete.Functions.App.Tests.Images;

/// <summary>What the console image serves: the SPA fallback, and the precompressed framework files.</summary>
public sealed class ConsoleNginxTests : IAsyncLifetime
{
    private ConsoleNginx? _nginx;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
        if (File.Exists(NginxFactAttribute.Executable))
        {
            _nginx = await ConsoleNginx.StartAsync(new Dictionary<string, byte[]>
            {
                ["index.html"] = ConsoleNginx.Bytes("<html>console</html>"),
                ["_framework/dotnet.js"] = ConsoleNginx.Bytes("plain js"),
                ["_framework/dotnet.js.br"] = ConsoleNginx.Bytes("brotli js"),
                ["_framework/dotnet.js.gz"] = ConsoleNginx.Bytes("gzip js"),
                ["_framework/app.wasm"] = ConsoleNginx.Bytes("plain wasm"),
                ["_framework/app.wasm.br"] = ConsoleNginx.Bytes("brotli wasm"),
                ["_framework/only-plain.json"] = ConsoleNginx.Bytes("{}"),
            });
        }
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string path, params string[] encodings)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_nginx!.BaseAddress, path));
        foreach (var encoding in encodings)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }
        return await _http.SendAsync(request);
    }

    [NginxFact]
    public async Task ConsoleImage_ADeepLink_GetsIndexHtml_ForTheSpaRouter()
    {
        using var response = await GetAsync("sql/worksheets/42");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<html>console</html>", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [NginxFact]
    public async Task ConsoleImage_ABrowserAcceptingBrotli_GetsTheBrFile_WithTheOriginalType()
    {
        using var js = await GetAsync("_framework/dotnet.js", "gzip", "br");
        using var wasm = await GetAsync("_framework/app.wasm", "br");

        Assert.Equal("brotli js", await js.Content.ReadAsStringAsync());
        Assert.Equal(["br"], js.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        Assert.Equal("brotli wasm", await wasm.Content.ReadAsStringAsync());
        Assert.Equal("application/wasm", wasm.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", js.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [NginxFact]
    public async Task ConsoleImage_ABrowserAcceptingOnlyGzip_GetsTheGzFile_AndOneAcceptingNothingGetsThePlainFile()
    {
        using var gzip = await GetAsync("_framework/dotnet.js", "gzip");
        using var plain = await GetAsync("_framework/dotnet.js");
        using var noBr = await GetAsync("_framework/only-plain.json", "br");

        Assert.Equal("gzip js", await gzip.Content.ReadAsStringAsync());
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal("plain js", await plain.Content.ReadAsStringAsync());
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal("{}", await noBr.Content.ReadAsStringAsync());
        Assert.Empty(noBr.Content.Headers.ContentEncoding);
    }

    [NginxFact]
    public async Task ConsoleImage_IndexHtml_IsNeverCached()
    {
        using var response = await GetAsync("index.html");

        Assert.True(response.Headers.CacheControl?.NoCache, "index.html names the fingerprinted files of one release");
    }
}
