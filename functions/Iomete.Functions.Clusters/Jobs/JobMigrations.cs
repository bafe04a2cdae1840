using FluentMigrator;

namespace Iomete.Functions.Clusters.Jobs;

[Migration(202611280200, "spark jobs")]
[Tags(ClustersRegistration.Service)]
public sealed class CreateSparkJobs : Migration
{
    public override void Up()
    {
        Create.Table("spark_jobs")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("description").AsString(2000).Nullable()
            .WithColumn("bundle_id").AsString(64).NotNullable()
            .WithColumn("namespace").AsString(63).NotNullable()
            .WithColumn("job_user").AsString(64).NotNullable()
            .WithColumn("job_type").AsString(16).NotNullable()
            .WithColumn("schedule").AsString(200).Nullable()
            .WithColumn("concurrency").AsString(16).NotNullable()
            .WithColumn("flow").AsString(16).NotNullable()
            .WithColumn("priority").AsString(16).NotNullable()
            .WithColumn("resource_tags").AsString(int.MaxValue).NotNullable()
            .WithColumn("template").AsString(int.MaxValue).NotNullable()
            .WithColumn("suspended").AsBoolean().NotNullable()
            .WithColumn("created_by").AsString(64).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(64).Nullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ux_spark_jobs_domain_name").OnTable("spark_jobs")
            .OnColumn("domain_id").Ascending().OnColumn("name").Ascending().WithOptions().Unique();
    }

    public override void Down() => Delete.Table("spark_jobs");
}

[Migration(202611280201, "spark job runs")]
[Tags(ClustersRegistration.Service)]
public sealed class CreateSparkRuns : Migration
{
    public override void Up()
    {
        Create.Table("spark_runs")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("job_id").AsString(64).NotNullable()
            .WithColumn("job_name").AsString(100).NotNullable()
            .WithColumn("name").AsString(63).NotNullable()
            .WithColumn("namespace").AsString(63).NotNullable()
            .WithColumn("application_type").AsString(16).NotNullable()
            .WithColumn("config").AsString(int.MaxValue).NotNullable()
            .WithColumn("resource_tags").AsString(int.MaxValue).NotNullable()
            .WithColumn("status").AsString(24).NotNullable()
            .WithColumn("reason").AsString(32).Nullable()
            .WithColumn("error_message").AsString(int.MaxValue).Nullable()
            .WithColumn("operator_state").AsString(32).Nullable()
            .WithColumn("executors_running").AsInt32().NotNullable()
            .WithColumn("executors_pending").AsInt32().NotNullable()
            .WithColumn("total_executors").AsInt32().NotNullable()
            .WithColumn("submission_attempts").AsInt32().NotNullable()
            .WithColumn("execution_attempts").AsInt32().NotNullable()
            .WithColumn("spark_ui").AsString(500).Nullable()
            .WithColumn("triggered_by").AsString(64).NotNullable()
            .WithColumn("run_as_user").AsString(64).NotNullable()
            .WithColumn("max_duration_s").AsInt64().Nullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("started_ms").AsInt64().Nullable()
            .WithColumn("terminated_ms").AsInt64().Nullable()
            .WithColumn("app_deleted").AsBoolean().NotNullable()
            .WithColumn("sql_query_id").AsString(64).Nullable()
            .WithColumn("log").AsString(int.MaxValue).Nullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ix_spark_runs_job").OnTable("spark_runs").OnColumn("job_id").Ascending().OnColumn("created_ms").Descending();
        Create.Index("ix_spark_runs_domain").OnTable("spark_runs").OnColumn("domain_id").Ascending().OnColumn("created_ms").Descending();
        Create.Index("ix_spark_runs_status").OnTable("spark_runs").OnColumn("status").Ascending();
    }

    public override void Down() => Delete.Table("spark_runs");
}
