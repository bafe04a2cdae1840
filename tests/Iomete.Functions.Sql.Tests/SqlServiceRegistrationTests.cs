using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Sql.Tests;

public sealed class SqlServiceRegistrationTests
{
    [Fact]
    public void AddSqlService_RegistersItsFunctionAssembly()
    {
        var services = new ServiceCollection().AddSqlService();
        Assert.Contains(services, d => d.ServiceType == typeof(FunctionAssembly));
    }
}
