namespace Iomete.DataSecurity.Decisions;

/// <summary>
/// Access types of IOMETE's data-security API (upper case in the API, Ranger's lower-case names inside).
/// <see cref="All"/> implies every other type; <see cref="Write"/> implies insert, update and delete;
/// <see cref="Any"/> asks "any access at all" (listings, load of metadata).
/// </summary>
public static class DataAccessTypes
{
    public const string All = "all";
    public const string Select = "select";
    public const string Insert = "insert";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Create = "create";
    public const string Drop = "drop";
    public const string Alter = "alter";
    public const string Read = "read";
    public const string Write = "write";
    public const string Refresh = "refresh";
    public const string CreateDatabase = "create_database";
    public const string DropDatabase = "drop_database";
    public const string AlterDatabase = "alter_database";
    public const string Any = "_any";

    /// <summary>Every grantable type, in the API's order.</summary>
    public static IReadOnlyList<string> Grantable { get; } =
        [All, Select, Insert, Update, Delete, Create, Drop, Alter, Read, Write, Refresh, CreateDatabase, DropDatabase, AlterDatabase];
}
