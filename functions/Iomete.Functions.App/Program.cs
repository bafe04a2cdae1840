using Iomete.Functions.App;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

if (args.Contains(MigrateCommand.Flag))
{
    return await MigrateCommand.RunAsync(args);
}

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<FunctionPipelineMiddleware>();
builder.Services.AddIometeApp();

await builder.Build().RunAsync();
return 0;
