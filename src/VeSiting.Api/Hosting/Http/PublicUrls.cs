using Microsoft.AspNetCore.HttpOverrides;

namespace VeSiting.Api.Hosting;

/// <summary>
/// The service's public base URL for absolute links (collections, paging, TileJSON tiles): <c>VeSiting:PublicBaseUrl</c>
/// when configured, otherwise the address the request arrived at (scheme, local IP and port) — never the client's
/// Host header, which anyone can forge. X-Forwarded-For/-Proto are honoured only from <c>VeSiting:ForwardedProxies</c>.
/// </summary>
public static class PublicUrls
{
    public static string Base(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<VeSitingOptions>>().Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.TrimEnd('/');
        var connection = http.Connection;
        if (connection.LocalIpAddress is not { } ip)
            return $"{http.Request.Scheme}://localhost";
        var host = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
        return $"{http.Request.Scheme}://{host}:{connection.LocalPort}";
    }

    public static void AddForwardedProxies(this IServiceCollection services, VeSitingOptions options) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.ForwardedProxies)
            {
                if (System.Net.IPAddress.TryParse(proxy, out var address))
                    o.KnownProxies.Add(address);
                else
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
        });
}
