using System.Net;
using System.Text;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>The provider's minimal HTML pages; every value is HTML-encoded.</summary>
internal static class LoginPage
{
    private const string Style =
        "body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}" +
        ".error{color:#b00020}";

    public static string Form(AuthorizeParameters parameters, string clientName, string? error, string? username)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>Sign in</h1><p>to continue to <strong>").Append(E(clientName)).Append("</strong></p>");
        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        }
        html.Append("<form method=\"post\" action=\"").Append(OidcIssuer.AuthorizePath).Append("\">");
        foreach (var (name, value) in parameters.Fields())
        {
            if (value is not null)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(E(value)).Append("\">");
            }
        }
        html.Append("<label for=\"username\">Username</label><input id=\"username\" name=\"username\" autocomplete=\"username\" required value=\"")
            .Append(E(username ?? "")).Append("\">");
        html.Append("<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>");
        html.Append("<button type=\"submit\">Sign in</button></form></body></html>");
        return html.ToString();
    }

    public static string Error(string title, string message) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title><style>{Style}</style></head>" +
        $"<body><h1>{E(title)}</h1><p class=\"error\">{E(message)}</p></body></html>";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
