using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Iomete.Functions.Core.Tests.Support;

namespace Iomete.Functions.Core.Tests.StorageBrowser;

public sealed class StorageBrowserApiTests(CorePlatformFixture fixture) : IClassFixture<CorePlatformFixture>
{
    private const string Objects = "/api/v1/admin/storage/objects";

    private static string Content(string key) => $"{Objects}/content?key={Uri.EscapeDataString(key)}";

    private async Task<HttpResponseMessage> UploadAsync(string key, byte[] bytes, HttpClient? client = null)
    {
        using var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await (client ?? fixture.Admin).PutAsync(new Uri(Content(key), UriKind.Relative), body);
    }

    [Fact]
    public async Task Upload_List_RangedDownload_Preview_Delete_RoundTrip()
    {
        var root = "browse-" + Guid.NewGuid().ToString("N")[..8];
        var csv = Encoding.UTF8.GetBytes("id,name\n1,alpha\n2,beta\n");
        using (var created = await UploadAsync($"{root}/sales/2026/part-0.csv", csv))
        {
            var view = await created.JsonAsync(HttpStatusCode.Created);
            Assert.Equal(csv.Length, view.GetProperty("size").GetInt64());
        }
        using (var replaced = await UploadAsync($"{root}/sales/2026/part-0.csv", csv))
        {
            await replaced.JsonAsync(HttpStatusCode.OK);
        }
        using (var second = await UploadAsync($"{root}/readme.txt", Encoding.UTF8.GetBytes("hello")))
        {
            await second.JsonAsync(HttpStatusCode.Created);
        }

        var top = await fixture.Admin.GetJsonAsync($"{Objects}?prefix={root}/");
        Assert.Equal([$"{root}/sales/"], top.GetProperty("folders").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal([$"{root}/readme.txt"], top.GetProperty("objects").EnumerateArray().Select(o => o.Str("key")));
        var deep = await fixture.Admin.GetJsonAsync($"{Objects}?prefix={root}/&delimiter=");
        Assert.Equal(2, deep.GetProperty("objects").GetArrayLength());
        Assert.Empty(deep.GetProperty("folders").EnumerateArray());

        using (var ranged = new HttpRequestMessage(HttpMethod.Get, Content($"{root}/sales/2026/part-0.csv")))
        {
            ranged.Headers.Range = new RangeHeaderValue(8, 14);
            using var response = await fixture.Admin.SendAsync(ranged);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal("1,alpha", await response.Content.ReadAsStringAsync());
            Assert.Equal($"bytes 8-14/{csv.Length}", response.Content.Headers.ContentRange!.ToString());
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        }
        using (var whole = await fixture.Admin.GetAsync(new Uri(Content($"{root}/sales/2026/part-0.csv"), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal(csv, await whole.Content.ReadAsByteArrayAsync());
            Assert.Equal("part-0.csv", whole.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        }

        var preview = await fixture.Admin.GetJsonAsync($"{Objects}/preview?key={root}/sales/2026/part-0.csv&bytes=10");
        Assert.Equal(("id,name\n1,", true, 10), (preview.Str("content"), preview.GetProperty("truncated").GetBoolean(), preview.GetProperty("bytes").GetInt32()));
        var full = await fixture.Admin.GetJsonAsync($"{Objects}/preview?key={root}/readme.txt");
        Assert.Equal(("hello", false), (full.Str("content"), full.GetProperty("truncated").GetBoolean()));

        await fixture.Admin.DeleteJsonAsync($"{Objects}?key={root}/readme.txt", HttpStatusCode.NoContent);
        await fixture.Admin.DeleteJsonAsync($"{Objects}?key={root}/readme.txt", HttpStatusCode.NotFound);
        await fixture.Admin.GetJsonAsync(Content($"{root}/readme.txt"), HttpStatusCode.NotFound);
        Assert.Empty((await fixture.Admin.GetJsonAsync($"{Objects}?prefix={root}/")).GetProperty("objects").EnumerateArray());
    }

    [Fact]
    public async Task Listing_PagesWithContinuationTokens()
    {
        var root = "paged-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            using var response = await UploadAsync($"{root}/f{i}.txt", [(byte)i]);
            await response.JsonAsync(HttpStatusCode.Created);
        }

        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await fixture.Admin.GetJsonAsync($"{Objects}?prefix={root}/&limit=2" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}"));
            keys.AddRange(page.GetProperty("objects").EnumerateArray().Select(o => o.Str("key")));
            token = page.TryGetProperty("nextContinuationToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{root}/f{i}.txt"), keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape.txt")]
    [InlineData("a/../../b")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("folder/")]
    public async Task BadKeys_Are400OnKey(string key)
    {
        var escaped = Uri.EscapeDataString(key);
        Assert.Equal(["key"], (await fixture.Admin.GetJsonAsync($"{Objects}/content?key={escaped}", HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["key"], (await fixture.Admin.GetJsonAsync($"{Objects}/preview?key={escaped}", HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["key"], (await fixture.Admin.DeleteJsonAsync($"{Objects}?key={escaped}", HttpStatusCode.BadRequest)).ErrorFields());
        using var upload = await UploadAsync(key, [1]);
        Assert.Equal(["key"], (await upload.JsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task BadPrefix_Is400()
    {
        Assert.Equal(["prefix"], (await fixture.Admin.GetJsonAsync($"{Objects}?prefix=../", HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task RangePastTheEnd_Is416()
    {
        var key = "range-" + Guid.NewGuid().ToString("N")[..8] + ".bin";
        using (var created = await UploadAsync(key, new byte[10]))
        {
            await created.JsonAsync(HttpStatusCode.Created);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, Content(key));
        request.Headers.Range = new RangeHeaderValue(10, null);

        using var response = await fixture.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */10", response.Content.Headers.ContentRange!.ToString());
    }

    [Fact]
    public async Task UploadOverTheLimit_Is413_AndStoresNothing()
    {
        var key = "big-" + Guid.NewGuid().ToString("N")[..8] + ".bin";

        using var response = await UploadAsync(key, new byte[CorePlatformFixture.UploadLimit + 1]);

        Assert.Equal("PAYLOAD_TOO_LARGE", (await response.JsonAsync(HttpStatusCode.RequestEntityTooLarge)).Str("errorCode"));
        await fixture.Admin.GetJsonAsync(Content(key), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StreamedUploadOverTheLimit_Is413_AndStoresNothing()
    {
        var key = "chunked-" + Guid.NewGuid().ToString("N")[..8] + ".bin";
        using var body = new StreamContent(new MemoryStream(new byte[CorePlatformFixture.UploadLimit + 100]));
        using var request = new HttpRequestMessage(HttpMethod.Put, Content(key)) { Content = body };
        request.Headers.TransferEncodingChunked = true;

        using var response = await fixture.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await fixture.Admin.GetJsonAsync(Content(key), HttpStatusCode.NotFound);
        Assert.Empty((await fixture.Admin.GetJsonAsync($"{Objects}?prefix={key}")).GetProperty("objects").EnumerateArray());
    }

    [Fact]
    public async Task ReadOnlyAdmin_MayBrowse_ButNotWrite_PlainUserMayNotBrowse()
    {
        using var reader = await fixture.UserAsync("readonly", "READ_ONLY_ADMIN");
        using var plain = await fixture.UserAsync("plain");

        await reader.GetJsonAsync(Objects);
        using (var upload = await UploadAsync("ro.txt", [1], reader))
        {
            await upload.JsonAsync(HttpStatusCode.Forbidden);
        }
        await reader.DeleteJsonAsync($"{Objects}?key=ro.txt", HttpStatusCode.Forbidden);
        await plain.GetJsonAsync(Objects, HttpStatusCode.Forbidden);
    }
}
