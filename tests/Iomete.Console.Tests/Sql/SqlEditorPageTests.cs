using System.Net;
using Iomete.Console.Pages.Sql;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Console.Tests.Sql;

/// <summary>The editor page with a scripted platform and a scripted browser side (sql.js): what Run, shortcuts and saves send.</summary>
public sealed class SqlEditorPageTests : ConsoleTestContext
{
    private const string Text = "SELECT 1;\nSELECT '${day}' AS d;\n";
    private readonly BunitJSModuleInterop module;

    public SqlEditorPageTests()
    {
        SignedIn("alice");
        module = JSInterop.SetupModule("./js/sql.js");
        Platform.OnPrefix(HttpMethod.Post, "/api/v1/domains/default/sql/queries", HttpStatusCode.OK,
            """{"id":"q1","status":"COMPLETED","resultRowCount":1,"columns":[{"name":"d","type":"VARCHAR"}]}""");
        Platform.OnPrefix(HttpMethod.Get, "/api/v1/domains/default/sql/queries/q1/results", HttpStatusCode.OK,
            """{"columns":[{"name":"d","type":"VARCHAR"}],"rows":[["x"]],"offset":0,"limit":10000,"total":1,"truncated":false}""");
        Platform.On(HttpMethod.Get, "/api/v1/domains/default/sql/workspaces", HttpStatusCode.OK, """{"items":[],"total":0,"offset":0,"limit":0}""");
    }

    private IRenderedComponent<SqlEditor> Open(int cursor, int selectionStart = 0, int selectionEnd = 0, string? worksheet = null)
    {
        module.Setup<EditorState>("state", _ => true).SetResult(new EditorState(Text, selectionStart, selectionEnd, cursor));
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(worksheet is null ? "/default/sql" : $"/default/sql/worksheets/{worksheet}");
        var page = Render<SqlEditor>(p => p.Add(e => e.Domain, "default").Add(e => e.Id, worksheet));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=sql-editor]").GetAttribute("data-ready")));
        return page;
    }

    /// <summary>Worksheet w1 ("daily", version 3, "SELECT 1;"), saved as version 4.</summary>
    private IRenderedComponent<SqlEditor> OpenDailyWorksheet()
    {
        Platform.On(HttpMethod.Get, "/api/v1/domains/default/sql/worksheets/w1", HttpStatusCode.OK,
            """{"worksheet":{"id":"w1","name":"daily","workspaceId":"my","compute":"local","catalog":null,"database":null,"version":3},"content":"SELECT 1;"}""");
        Platform.On(HttpMethod.Put, "/api/v1/domains/default/sql/worksheets/w1", HttpStatusCode.OK, """{"id":"w1","name":"daily","version":4}""");
        var page = Open(cursor: 0, worksheet: "w1");
        page.WaitForAssertion(() => Assert.Equal("daily", page.Find("h1").TextContent));
        return page;
    }

    private List<string?> Submitted() => [.. Platform.Sent.Where(s => s.Method == HttpMethod.Post && s.PathAndQuery.Contains("/sql/queries", StringComparison.Ordinal)).Select(s => s.Body)];

    [Fact]
    public void CtrlEnter_RunsTheStatementUnderTheCursor_AndShowsItsRows()
    {
        var page = Open(cursor: 3);
        page.InvokeAsync(() => page.Instance.OnShortcutAsync(SqlShortcuts.Run));
        page.WaitForAssertion(() => Assert.Equal("1 row", page.Find("[data-testid=sql-row-count]").TextContent));
        var body = Assert.Single(Submitted());
        Assert.Contains("\"query\":\"SELECT 1\"", body, StringComparison.Ordinal);
        Assert.Contains("\"computeCluster\":\"local\"", body, StringComparison.Ordinal);
        Assert.Contains("COMPLETED", page.Find("[data-testid=sql-status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AStatementWithAVariableWithoutAValue_IsNotSent_AndTheMissingNameIsShown()
    {
        var page = Open(cursor: 15);
        page.InvokeAsync(() => page.Instance.OnTextChangedAsync(Text));
        page.InvokeAsync(() => page.Instance.OnShortcutAsync(SqlShortcuts.Run));
        page.WaitForAssertion(() => Assert.Contains("day", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Submitted());
    }

    [Fact]
    public void CtrlShiftEnter_RunsEveryStatementInOrder_WithTheVariablesSubstituted()
    {
        var page = Open(cursor: 0);
        page.InvokeAsync(() => page.Instance.OnTextChangedAsync(Text));
        page.Find("[data-testid=sql-variable-day] input, input[data-testid=sql-variable-day]").Input("d1");
        page.InvokeAsync(() => page.Instance.OnShortcutAsync(SqlShortcuts.RunAll));
        page.WaitForAssertion(() => Assert.Equal(2, Submitted().Count));
        Assert.Contains("SELECT 1", Submitted()[0], StringComparison.Ordinal);
        Assert.Contains("d1", Submitted()[1], StringComparison.Ordinal);
    }

    [Fact]
    public void CtrlS_OnAWorksheet_SavesItsTextWithTheVersionItRead()
    {
        var page = OpenDailyWorksheet();
        page.InvokeAsync(() => page.Instance.OnTextChangedAsync("SELECT 2;"));
        page.InvokeAsync(() => page.Instance.OnShortcutAsync(SqlShortcuts.Save));
        page.WaitForAssertion(() => Assert.Equal("Saved", page.Find("[data-testid=sql-save-state]").GetAttribute("data-state")));
        var put = Assert.Single(Platform.Sent, s => s.Method == HttpMethod.Put);
        Assert.Contains("\"content\":\"SELECT 2;\"", put.Body, StringComparison.Ordinal);
        Assert.Contains("\"version\":3", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunRightAfterTyping_StillSavesTheEdit_BeforeTheEditorsChangeNoticeArrives()
    {
        var page = OpenDailyWorksheet();
        page.InvokeAsync(() => page.Instance.OnTextChangedAsync("SELECT 1;"));

        // The editor holds Text now; its debounced change notice has not reached the page when Run reads the editor.
        page.InvokeAsync(() => page.Instance.OnShortcutAsync(SqlShortcuts.Run));
        page.WaitForAssertion(() => Assert.Single(Submitted()));
        page.InvokeAsync(() => page.Instance.OnTextChangedAsync(Text));

        // The auto-save (after its quiet period) sends the text that ran.
        page.WaitForAssertion(() => Assert.Contains(Platform.Sent, s => s.Method == HttpMethod.Put), TimeSpan.FromSeconds(15));
        var put = Platform.Sent.Last(s => s.Method == HttpMethod.Put);
        Assert.Contains("${day}", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefusedSubmit_ShowsTheProblemDetails()
    {
        Platform.OnPrefix(HttpMethod.Post, "/api/v1/domains/default/sql/queries", HttpStatusCode.Conflict,
            """{"title":"Compute cluster not active","status":409,"detail":"Compute cluster 'bi' is STOPPED: start it first, then run the query again.","errorCode":"COMPUTE_NOT_ACTIVE"}""");
        var page = Open(cursor: 0);
        page.InvokeAsync(() => page.Instance.OnShortcutAsync(SqlShortcuts.Run));
        page.WaitForAssertion(() => Assert.Contains("is STOPPED", page.Find("[data-testid=problem]").TextContent, StringComparison.Ordinal));
    }
}
