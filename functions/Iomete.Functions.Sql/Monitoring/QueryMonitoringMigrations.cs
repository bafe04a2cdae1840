using FluentMigrator;

namespace Iomete.Functions.Sql.Monitoring;

/// <summary>Who terminated a query, and an index for listing every domain's queries by time.</summary>
[Migration(202611291500, "sql query monitoring")]
[Tags(SqlRegistration.Service)]
public sealed class AddQueryMonitoring : Migration
{
    public override void Up()
    {
        Alter.Table("sql_queries").AddColumn("cancelled_by").AsString(64).Nullable();
        Create.Index("ix_sql_queries_submitted").OnTable("sql_queries").OnColumn("submitted_ms").Descending();
    }

    public override void Down()
    {
        Delete.Index("ix_sql_queries_submitted").OnTable("sql_queries");
        Delete.Column("cancelled_by").FromTable("sql_queries");
    }
}
