using System.DirectoryServices.Protocols;
using System.Net;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>One entry of a search: its DN and the requested attributes (names compared case-insensitively).</summary>
public sealed record LdapEntry(string Dn, IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes)
{
    public string? First(string? attribute) =>
        attribute is not null && Attributes.TryGetValue(attribute, out var values) && values.Count > 0 ? values[0] : null;

    public IReadOnlyList<string> All(string attribute) => Attributes.TryGetValue(attribute, out var values) ? values : [];
}

/// <summary>An LDAP server could not be reached or refused the service bind; the message is safe to show an admin.</summary>
public sealed class LdapUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The server dropped the connection, was busy or timed out: trying again may succeed.</summary>
    public bool Transient => InnerException is LdapException { ErrorCode: 51 or 52 or 81 or 85 };
}

/// <summary>
/// A connection to the configured server over System.DirectoryServices.Protocols (libldap on Linux). Its calls block,
/// so callers run it off the request thread (<see cref="LdapDirectory.RunAsync{T}"/>).
/// </summary>
public sealed class LdapDirectory : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly LdapConnection _connection;

    private LdapDirectory(LdapConnection connection) => _connection = connection;

    /// <summary>Runs blocking LDAP work on the thread pool.</summary>
    public static Task<T> RunAsync<T>(Func<T> work, CancellationToken ct) => Task.Run(work, ct);

    /// <summary>Connects and binds with the service account (anonymously without a bind DN).</summary>
    public static LdapDirectory Open(LdapConnectionSettings config)
    {
        var directory = new LdapDirectory(Connect(config.Settings.ConnectionUrl));
        try
        {
            directory.Bind(config.Settings.BindDn, config.BindCredential);
            return directory;
        }
        catch (LdapException ex)
        {
            directory.Dispose();
            throw new LdapUnavailableException(Describe(ex, "The service bind"), ex);
        }
    }

    /// <summary>True when <paramref name="dn"/> binds with <paramref name="password"/>; an empty password never does (RFC 4513 §5.1.2).</summary>
    public static bool CanBind(string url, string dn, string password)
    {
        if (password.Length == 0)
        {
            return false;
        }
        using var connection = Connect(url);
        try
        {
            connection.Bind(new NetworkCredential(dn, password));
            return true;
        }
        catch (LdapException ex) when (ex.ErrorCode == InvalidCredentials)
        {
            return false;
        }
        catch (LdapException ex)
        {
            throw new LdapUnavailableException(Describe(ex, "The user bind"), ex);
        }
    }

    /// <summary>Every entry under <paramref name="baseDn"/> matching <paramref name="filter"/>, fetched in pages (RFC 2696).</summary>
    public IEnumerable<LdapEntry> Search(string baseDn, string filter, IReadOnlyCollection<string> attributes, int pageSize)
    {
        var request = new SearchRequest(baseDn, filter, SearchScope.Subtree, attributes.Distinct(StringComparer.OrdinalIgnoreCase).ToArray());
        var paging = new PageResultRequestControl(pageSize) { IsCritical = false };
        request.Controls.Add(paging);
        while (true)
        {
            SearchResponse response;
            try
            {
                response = (SearchResponse)_connection.SendRequest(request, Timeout);
            }
            catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.NoSuchObject)
            {
                throw new LdapUnavailableException($"The base DN '{baseDn}' does not exist on the LDAP server.", ex);
            }
            catch (DirectoryException ex)
            {
                throw new LdapUnavailableException($"The LDAP search under '{baseDn}' failed: {ex.Message}", ex);
            }
            foreach (SearchResultEntry entry in response.Entries)
            {
                yield return ToEntry(entry);
            }
            var next = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault();
            if (next is null || next.Cookie is not { Length: > 0 })
            {
                yield break;
            }
            paging.Cookie = next.Cookie;
        }
    }

    public void Dispose() => _connection.Dispose();

    private const int InvalidCredentials = 49;

    private void Bind(string? dn, string? password)
    {
        if (string.IsNullOrEmpty(dn))
        {
            _connection.AuthType = AuthType.Anonymous;
            _connection.Bind();
            return;
        }
        if (string.IsNullOrEmpty(password))
        {
            // A DN without a password is an unauthenticated bind, which servers treat as anonymous: refuse the surprise.
            throw new LdapUnavailableException($"The bind DN '{dn}' needs a bind credential.");
        }
        _connection.Bind(new NetworkCredential(dn, password));
    }

    private static LdapConnection Connect(string url)
    {
        var uri = LdapUrl.Require("connectionUrl", url);
        var connection = new LdapConnection(new LdapDirectoryIdentifier(uri.Host, LdapUrl.Port(uri)), null, AuthType.Basic)
        {
            Timeout = Timeout,
        };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
        if (LdapUrl.IsSecure(uri))
        {
            connection.SessionOptions.SecureSocketLayer = true;
        }
        return connection;
    }

    private static LdapEntry ToEntry(SearchResultEntry entry)
    {
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (DirectoryAttribute attribute in entry.Attributes.Values)
        {
            attributes[attribute.Name] = attribute.GetValues(typeof(string)).Cast<string>().ToList();
        }
        return new LdapEntry(entry.DistinguishedName, attributes);
    }

    private static string Describe(LdapException ex, string what) => ex.ErrorCode switch
    {
        InvalidCredentials => $"{what} was refused: invalid credentials.",
        81 => $"{what} failed: the LDAP server is not reachable ({ex.Message}).",
        _ => $"{what} failed: {ex.Message} (LDAP error {ex.ErrorCode}).",
    };
}
