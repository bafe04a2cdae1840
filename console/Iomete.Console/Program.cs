using Iomete.Console;
using Iomete.Console.Api;
using Iomete.Console.Push;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using MudBlazor.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
builder.Services.AddConsoleServices(new Uri(builder.HostEnvironment.BaseAddress));
await builder.Build().RunAsync();
