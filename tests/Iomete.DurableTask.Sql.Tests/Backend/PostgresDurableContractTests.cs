using Iomete.Testing;

namespace Iomete.DurableTask.Sql.Tests.Backend;

[NeedsServices(TestService.Postgres)]
public sealed class PostgresDurableContractTests(PostgresTarget target) : DurableContractTests(target), IClassFixture<PostgresTarget>;

[NeedsServices(TestService.Postgres)]
public sealed class PostgresWorkItemLeaseTests(PostgresTarget target) : WorkItemLeaseTests(target), IClassFixture<PostgresTarget>;
