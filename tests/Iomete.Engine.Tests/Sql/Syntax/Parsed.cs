using Iomete.Engine.Sessions;
using Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Tests.Sql.Syntax;

internal static class Parsed
{
    public static T As<T>(string sql)
        where T : SqlStatement => Assert.IsType<T>(SqlStatementParser.Parse(sql));

    public static SqlSyntaxException Fails(string sql) => Assert.Throws<SqlSyntaxException>(() => SqlStatementParser.Parse(sql));

    public static string Cut(string sql, TextSpan span) => SqlText.Cut(sql, span);

    public static string Cut(string sql, TextSpan? span) => SqlText.Cut(sql, Assert.NotNull(span));
}
