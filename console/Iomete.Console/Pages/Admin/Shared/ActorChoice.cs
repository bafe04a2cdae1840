namespace Iomete.Console.Pages.Admin.Shared;

/// <summary>A user or group chosen in the console: the API's <c>{id, type}</c> actor and its display name.</summary>
public sealed record ActorChoice(string Id, string Type, string Name);
