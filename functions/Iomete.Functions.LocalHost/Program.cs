using Iomete.Functions.LocalHost;

var app = LocalHostApp.Build(args);
await app.RunAsync();
