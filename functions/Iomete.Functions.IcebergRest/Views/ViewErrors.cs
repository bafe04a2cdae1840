using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Errors;

namespace Iomete.Functions.IcebergRest.Views;

/// <summary>The view errors with the messages of the Java reference catalogs (clients and the RCK match on them).</summary>
internal static class ViewErrors
{
    public static ApiException NoSuchView(NamespaceName ns, string name) => IcebergErrors.NoSuchViewError(CatalogObjectStore.Display(ns, name));

    /// <summary>Creating or registering a view where a table or view already holds the name.</summary>
    public static ApiException Exists(NamespaceName ns, string name, CatalogObjectKind existing) =>
        new(409, IcebergErrors.AlreadyExists, "Conflict", existing == CatalogObjectKind.View
            ? $"View already exists: {CatalogObjectStore.Display(ns, name)}"
            : $"Table with same name already exists: {CatalogObjectStore.Display(ns, name)}");

    public static ApiException RenameTargetExists(string from, string to, CatalogObjectKind existing) =>
        new(409, IcebergErrors.AlreadyExists, "Conflict",
            $"Cannot rename {from} to {to}. {(existing == CatalogObjectKind.View ? "View" : "Table")} already exists");
}
