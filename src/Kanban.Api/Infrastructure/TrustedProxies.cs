using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kanban.Api.Infrastructure;

/// <summary>
/// Behind a load balancer every request comes from the balancer's address, so the sign-in throttle
/// would count the whole deployment as one address. <c>Kanban:TrustedProxies</c> names the balancers
/// (IP addresses, comma-separated) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed; from anyone else those headers are ignored, so a client cannot choose its own address.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "Kanban:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = (configuration[Setting] ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(text => IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"{Setting}: '{text}' is not an IP address; list the load balancers' addresses, comma-separated."))
            .ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = proxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
        });
    }
}
