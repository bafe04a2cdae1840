using System.Net;
using System.Text.Json;
using Iomete.Console.Pages.DataSecurity;

namespace Iomete.Console.Tests.DataSecurity;

public sealed class PolicyFormTests : ConsoleTestContext
{
    [Fact]
    public void AnAccessForm_BuildsTheApiBody_WithItemsInTheirLists()
    {
        var model = PolicyFormModel.New(PolicyKind.Access);
        model.Name = " sales-read ";
        model.Override = true;
        model.Resources[0].Databases = "spark_catalog.sales, spark_catalog.hr";
        model.Resources[0].ExcludeTables = true;
        model.Items[0].Groups = "analysts,, public";
        model.Items[0].Accesses = ["SELECT", "READ"];
        model.Items.Add(new ItemRow { List = ItemList.Deny, Users = "intern", Accesses = ["ALL"] });
        model.ValidFrom = "2026/01/01 00:00:00";

        var body = JsonSerializer.SerializeToElement(model.ToBody());

        Assert.Equal("sales-read", body.GetProperty("name").GetString());
        Assert.Equal("OVERRIDE", body.GetProperty("priority").GetString());
        var resource = body.GetProperty("resources")[0];
        Assert.Equal(["spark_catalog.sales", "spark_catalog.hr"], resource.GetProperty("databases").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("EXCLUDE", resource.GetProperty("tablesInclusionType").GetString());
        Assert.Equal(["analysts", "public"], body.GetProperty("allowPolicyItems")[0].GetProperty("groups").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["SELECT", "READ"], body.GetProperty("allowPolicyItems")[0].GetProperty("accesses").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("intern", body.GetProperty("denyPolicyItems")[0].GetProperty("users")[0].GetString());
        Assert.Equal(0, body.GetProperty("allowExceptions").GetArrayLength());
        Assert.Equal("2026/01/01 00:00:00", body.GetProperty("validityPeriod").GetProperty("startTime").GetString());
        Assert.Equal("denyPolicyItems[0].accesses", model.ItemField(model.Items[1], "accesses"));
    }

    [Fact]
    public void AMaskForm_SendsTheCustomExpressionOnlyForCustom_AndNoAccessLists()
    {
        var model = PolicyFormModel.New(PolicyKind.Mask);
        model.Name = "mask-phone";
        model.Items[0].Users = "bob";
        model.Items[0].MaskType = "CUSTOM";
        model.Items[0].CustomExpression = "md5({col})";
        model.Items.Add(new ItemRow { Groups = "support", MaskType = "MASK_SHOW_LAST_4", CustomExpression = "ignored" });

        var body = JsonSerializer.SerializeToElement(model.ToBody());

        Assert.False(body.TryGetProperty("allowPolicyItems", out _));
        var items = body.GetProperty("dataMaskPolicyItems");
        Assert.Equal("md5({col})", items[0].GetProperty("dataMaskCustomExpr").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("dataMaskCustomExpr").ValueKind);
        Assert.Equal("dataMaskPolicyItems[1].dataMaskType", model.ItemField(model.Items[1], "dataMaskType"));
    }

    [Fact]
    public void MaskTypeChoices_OfferCustomOnlyForResourceMasking()
    {
        Assert.Contains(PolicyKind.Mask.MaskTypes(), t => t.Value == "CUSTOM");
        Assert.DoesNotContain(PolicyKind.TagMask.MaskTypes(), t => t.Value == "CUSTOM");
        Assert.Contains(PolicyKind.TagMask.MaskTypes(), t => t.Value == "MASK_HASH");
    }

    [Fact]
    public void AnExistingPolicy_RoundTripsThroughTheForm()
    {
        var policy = JsonSerializer.Deserialize<JsonElement>("""
            {"id":7,"version":3,"name":"eu","isEnabled":false,"priority":"NORMAL",
             "resources":[{"databases":["spark_catalog.sales"],"tables":["orders"]}],
             "rowFilterPolicyItems":[{"groups":["eu-team"],"filterExpr":"region = 'EU'"}]}
            """);

        var model = PolicyFormModel.From(PolicyKind.Filter, policy);
        var body = JsonSerializer.SerializeToElement(model.ToBody());

        Assert.False(model.IsEnabled);
        Assert.Equal(3, body.GetProperty("version").GetInt64());
        Assert.False(body.GetProperty("resources")[0].TryGetProperty("columns", out _));
        Assert.Equal("region = 'EU'", body.GetProperty("rowFilterPolicyItems")[0].GetProperty("filterExpr").GetString());
        Assert.Equal("eu-team", body.GetProperty("rowFilterPolicyItems")[0].GetProperty("groups")[0].GetString());
    }

    [Fact]
    public void ARejectedPolicy_ShowsTheFieldMessagesAtTheirFields()
    {
        SignedIn("admin");
        Platform.On(HttpMethod.Post, PolicyKinds.Base + "/mask/policy", HttpStatusCode.BadRequest, """
            {"title":"Validation failed","status":400,"errorCode":"VALIDATION_ERROR","detail":"2 errors",
             "errors":{"name":["must not be empty"],"dataMaskPolicyItems[0].dataMaskCustomExpr":["must contain {col}"]}}
            """);
        Providers();
        var model = PolicyFormModel.New(PolicyKind.Mask);
        model.Items[0].MaskType = "CUSTOM";
        model.Items[0].CustomExpression = "md5(x)";
        var editor = Render<PolicyEditor>(p => p.Add(e => e.Model, model));

        editor.Find("[data-testid=policy-save]").Click();

        editor.WaitForAssertion(() => Assert.Contains("must contain {col}", editor.Find("[data-testid=item-custom-expr]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Contains("must not be empty", editor.Find("[data-testid=policy-name]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        var sent = JsonSerializer.Deserialize<JsonElement>(Platform.Sent.Single(s => s.Method == HttpMethod.Post).Body!);
        Assert.Equal("CUSTOM", sent.GetProperty("dataMaskPolicyItems")[0].GetProperty("dataMaskType").GetString());
        Assert.Equal("md5(x)", sent.GetProperty("dataMaskPolicyItems")[0].GetProperty("dataMaskCustomExpr").GetString());
    }

    [Fact]
    public void SavingAnExistingPolicy_PutsToItsId()
    {
        SignedIn("admin");
        Platform.On(HttpMethod.Put, PolicyKinds.Base + "/access/policy/12", HttpStatusCode.OK, """{"id":12,"name":"p"}""");
        Providers();
        var model = PolicyFormModel.New(PolicyKind.Access);
        model.Id = 12;
        model.Version = 4;
        model.Name = "p";
        var saved = false;
        var editor = Render<PolicyEditor>(p => p.Add(e => e.Model, model).Add(e => e.OnSaved, () => saved = true));

        editor.Find("[data-testid=policy-save]").Click();

        editor.WaitForAssertion(() => Assert.True(saved));
        Assert.Contains("\"version\":4", Platform.Sent.Single(s => s.Method == HttpMethod.Put).Body, StringComparison.Ordinal);
    }
}
