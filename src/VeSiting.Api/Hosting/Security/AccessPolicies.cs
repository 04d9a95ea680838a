using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using VeSiting.Stores.PostGis;

namespace VeSiting.Api.Hosting.Security;

/// <summary>
/// Who may do what: writes (imports, publishing rule sets, saving projects) always need an API key; reads are open
/// unless <c>VeSiting:RequireKeyForReads</c> is set, and /health and the web map's static files stay open.
/// </summary>
public static class AccessPolicies
{
    public const string Write = "write";

    public static void AddVeSitingAccess(this IServiceCollection services, VeSitingOptions options)
    {
        var fromFiles = options.ApiKeyFiles.SelectMany((file, i) => SecretFile.Read(file, $"VeSiting:ApiKeyFiles:{i}").Split('\n'));
        services.AddSingleton(new ApiKeys(options.ApiKeys.Concat(fromFiles)));
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(Write, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser());
        if (options.RequireKeyForReads)
            authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().Build());
    }

    /// <summary>Marks an endpoint as a write: it needs a valid API key.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Write);
}
