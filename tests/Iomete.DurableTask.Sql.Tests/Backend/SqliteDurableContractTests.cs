namespace Iomete.DurableTask.Sql.Tests.Backend;

public sealed class SqliteDurableContractTests(SqliteTarget target) : DurableContractTests(target), IClassFixture<SqliteTarget>;

public sealed class SqliteWorkItemLeaseTests(SqliteTarget target) : WorkItemLeaseTests(target), IClassFixture<SqliteTarget>;
