using FluentMigrator;

namespace Iomete.Functions.Sql.Queries;

[Migration(202611290101, "sql queries")]
[Tags(SqlRegistration.Service)]
public sealed class CreateSqlQueries : Migration
{
    public override void Up()
    {
        Create.Table("sql_queries")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain").AsString(128).NotNullable()
            .WithColumn("user_id").AsString(64).NotNullable()
            .WithColumn("query_text").AsCustom("TEXT").NotNullable()
            .WithColumn("compute").AsString(64).NotNullable()
            .WithColumn("catalog").AsString(255).Nullable()
            .WithColumn("database_name").AsString(255).Nullable()
            .WithColumn("row_limit").AsInt32().Nullable()
            .WithColumn("status").AsString(32).NotNullable()
            .WithColumn("version").AsInt64().NotNullable()
            .WithColumn("statement_kind").AsString(64).Nullable()
            .WithColumn("rows_affected").AsInt64().Nullable()
            .WithColumn("result_rows").AsInt64().Nullable()
            .WithColumn("truncated").AsBoolean().NotNullable()
            .WithColumn("columns").AsCustom("TEXT").Nullable()
            .WithColumn("message").AsCustom("TEXT").Nullable()
            .WithColumn("error_message").AsCustom("TEXT").Nullable()
            .WithColumn("error_code").AsString(64).Nullable()
            .WithColumn("error_position").AsInt32().Nullable()
            .WithColumn("result_key").AsString(1024).Nullable()
            .WithColumn("submitted_ms").AsInt64().NotNullable()
            .WithColumn("started_ms").AsInt64().Nullable()
            .WithColumn("finished_ms").AsInt64().Nullable()
            .WithColumn("expires_ms").AsInt64().Nullable();
        Create.Index("ix_sql_queries_owner").OnTable("sql_queries")
            .OnColumn("domain").Ascending().OnColumn("user_id").Ascending().OnColumn("submitted_ms").Descending();
        Create.Index("ix_sql_queries_status").OnTable("sql_queries").OnColumn("status").Ascending();

        Create.Table("sql_compute_settings")
            .WithColumn("name").AsString(64).PrimaryKey()
            .WithColumn("threads").AsInt32().Nullable()
            .WithColumn("memory_limit").AsString(32).Nullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("sql_compute_settings");
        Delete.Table("sql_queries");
    }
}
