using Iomete.Testing;

namespace Iomete.Functions.App.Tests.Images;

/// <summary>
/// The images' Dockerfiles, checked without a Docker engine (none runs here, and hadolint is not packaged for Debian):
/// the rules the chart's security context relies on, and that every file the build copies is in the build context.
/// </summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Dockerfiles() => new()
    {
        "functions/Iomete.Functions.App/Dockerfile",
        "workflows/Iomete.Workflows.Worker/Dockerfile",
        "console/Iomete.Console/Dockerfile",
    };

    private static Dockerfile Load(string relative) => Dockerfile.Load(Path.Combine(Requires.RepositoryRoot(), relative));

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void AnImage_IsBuiltInOneStageAndRunsFromAnother(string relative)
    {
        var dockerfile = Load(relative);

        Assert.True(dockerfile.Stages.Count >= 2, "multi-stage: the SDK stays out of the runtime image");
        Assert.Contains(dockerfile.Final.Instructions, i => i.Keyword == "COPY" && i.Arguments.Contains("--from=build", StringComparison.Ordinal));
        Assert.DoesNotContain(dockerfile.Final.Instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void AnImage_RunsAsANumericNonRootUser(string relative)
    {
        var user = Load(relative).Final.Instructions.LastOrDefault(i => i.Keyword == "USER");

        Assert.NotNull(user);
        var uid = user.Arguments.Split(':')[0];
        // Numeric, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
        Assert.True(int.TryParse(uid, out var id), $"USER {user.Arguments} is not numeric");
        Assert.NotEqual(0, id);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void AnImage_PinsEveryBaseImageToATag(string relative)
    {
        foreach (var stage in Load(relative).Stages)
        {
            var lastSegment = stage.Image.Split('/')[^1];
            Assert.True(lastSegment.Contains(':', StringComparison.Ordinal) || stage.Image.Contains('@', StringComparison.Ordinal), $"{stage.Image} has no tag");
            Assert.False(lastSegment.EndsWith(":latest", StringComparison.Ordinal), $"{stage.Image} floats on latest");
        }
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void AnImage_FetchesNothingWithAdd(string relative)
    {
        Assert.DoesNotContain(Load(relative).All, i => i.Keyword == "ADD" &&
            (i.Arguments.Contains("http://", StringComparison.OrdinalIgnoreCase) || i.Arguments.Contains("https://", StringComparison.OrdinalIgnoreCase) || i.Arguments.Contains("git@", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void AnImage_CopiesOnlyFilesThatAreInTheBuildContext(string relative)
    {
        var root = Requires.RepositoryRoot();
        var ignored = DockerIgnore.Load(Path.Combine(root, ".dockerignore"));
        var sources = Load(relative).All
            .Where(i => i.Keyword == "COPY" && !i.Arguments.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).SkipLast(1))
            .ToList();

        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var path = Path.Combine(root, source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{relative} copies {source}, which is not in the repository");
            Assert.False(ignored.Excludes(source), $"{relative} copies {source}, which .dockerignore leaves out of the context");
        }
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void AnImage_PublishesAProjectThatExists(string relative)
    {
        var publish = Load(relative).All.Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        var project = publish.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Single(a => a.EndsWith(".csproj", StringComparison.Ordinal));

        Assert.True(File.Exists(Path.Combine(Requires.RepositoryRoot(), project)), $"{project} does not exist");
    }

    [Fact]
    public void TheFunctionsImage_RunsOnTheFunctionsHostImageForNet10_FromItsScriptRoot_WithoutStorage()
    {
        var dockerfile = Load("functions/Iomete.Functions.App/Dockerfile");
        var env = string.Join(' ', dockerfile.Final.Instructions.Where(i => i.Keyword == "ENV").Select(i => i.Arguments));

        Assert.Equal("mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0", dockerfile.Final.Image);
        Assert.Contains("AzureWebJobsScriptRoot=/home/site/wwwroot", env, StringComparison.Ordinal);
        Assert.Contains(dockerfile.Final.Instructions, i => i.Keyword == "COPY" && i.Arguments.EndsWith(" /home/site/wwwroot", StringComparison.Ordinal));
        Assert.DoesNotContain("AzureWebJobsStorage", env, StringComparison.Ordinal);
    }
}
