using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace VeSiting.Api.Hosting.Security;

/// <summary>
/// Authentication by API key: <c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: Bearer &lt;key&gt;</c>. A missing key is
/// anonymous; a wrong key fails. Refusals are problem+json: 401 with a WWW-Authenticate challenge, or 403 when the
/// service has no keys configured (writes are then switched off).
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
            return Task.FromResult(AuthenticateResult.NoResult());
        if (!keys.Accepts(presented))
            return Task.FromResult(AuthenticateResult.Fail("the API key is not valid"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!keys.AnyConfigured)
        {
            await ProblemHandling.TypedProblem(StatusCodes.Status403Forbidden, "Forbidden", Header, "", Reason.Of("problem.no-keys")).ExecuteAsync(Context);
            return;
        }
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\", Bearer";
        var reason = Presented(Request) is null
            ? Reason.Of("problem.key-needed", ("header", Header))
            : Reason.Of("problem.key-not-valid");
        await ProblemHandling.TypedProblem(StatusCodes.Status401Unauthorized, "Unauthorized", Header, "", reason).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemHandling.TypedProblem(StatusCodes.Status403Forbidden, "Forbidden", Header, "", Reason.Of("problem.key-may-not")).ExecuteAsync(Context);

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var header) && header.ToString() is { Length: > 0 } key)
            return key;
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7 ? authorization[7..].Trim() : null;
    }
}
