namespace Iomete.Console.Pages.Sql;

/// <summary>An editor shortcut: the command name the browser sends, its keys and what it does.</summary>
public sealed record SqlShortcut(string Command, string Keys, string Description);

/// <summary>The editor's keyboard shortcuts (registered in Monaco by sql.js; listed in the help popover).</summary>
public static class SqlShortcuts
{
    public const string Run = "run";
    public const string RunAll = "runAll";
    public const string Save = "save";
    public const string Format = "format";

    public static readonly IReadOnlyList<SqlShortcut> All =
    [
        new(Run, "Ctrl/⌘ + Enter", "Run the selection, or the statement under the cursor"),
        new(RunAll, "Ctrl/⌘ + Shift + Enter", "Run every statement, one after another"),
        new(Save, "Ctrl/⌘ + S", "Save the worksheet now"),
        new(Format, "Shift + Alt + F", "Format the SQL"),
        new("suggest", "Ctrl + Space", "Suggest catalogs, databases, tables and columns"),
    ];
}
