namespace Iomete.Engine.Sql.Syntax;

internal sealed partial class StatementReader
{
    private RefusedStatement RefusedKeyword()
    {
        var word = c.Current.Text.ToUpperInvariant();
        return word switch
        {
            "SET" or "RESET" => Refused(word, "changes the session's settings"),
            "PRAGMA" => Refused(word, "changes or reads the engine's settings"),
            "ATTACH" or "DETACH" => Refused(word, "attaches or detaches databases and files"),
            "COPY" => Refused(word, "reads or writes files"),
            "EXPORT" or "IMPORT" => Refused(word + (c.IsWord("DATABASE", 1) ? " DATABASE" : ""), "reads or writes files"),
            "INSTALL" or "LOAD" => Refused(word, "installs or loads extensions"),
            "FORCE" => Refused(c.Has(1) ? "FORCE " + c.Peek(1).Text.ToUpperInvariant() : word, "installs extensions or forces a checkpoint"),
            "CALL" => Refused(word, "calls table functions and procedures of the engine"),
            "CHECKPOINT" or "VACUUM" or "ANALYZE" => Refused(word, "maintains the engine's own storage"),
            "BEGIN" or "START" or "COMMIT" or "END" or "ROLLBACK" or "ABORT" => Refused(word, "transactions are not supported; every statement commits on its own"),
            "PREPARE" or "EXECUTE" or "DEALLOCATE" => Refused(word, "prepared statements are not supported"),
            _ => Refused(word, "is not a statement the engine runs"),
        };
    }

    /// <summary>CREATE of an object kind a session never creates (the cursor is after CREATE [OR REPLACE] [TEMP]).</summary>
    private RefusedStatement RefusedCreate(string verb, bool temporary)
    {
        if (temporary)
        {
            return Refused(verb + " TEMPORARY " + (c.AtEnd ? "" : c.Current.Text.ToUpperInvariant()), "temporary objects are not supported");
        }

        var kind = c.AtEnd ? "" : c.Current.Text.ToUpperInvariant();
        if (kind is "UNIQUE" or "PERSISTENT" && c.Has(1))
        {
            kind = kind + " " + c.Peek(1).Text.ToUpperInvariant();
        }

        var reason = kind switch
        {
            "MACRO" or "FUNCTION" => "user-defined functions and macros are not supported",
            "SEQUENCE" or "TYPE" => "sequences and types live in the engine, not in the lakehouse",
            "INDEX" or "UNIQUE INDEX" => "indexes are not supported on lakehouse tables",
            "SECRET" or "PERSISTENT SECRET" => "secrets are managed by the platform",
            _ => "is not a statement the engine runs",
        };
        return Refused((verb + " " + kind).TrimEnd(), reason);
    }
}
