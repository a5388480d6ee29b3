using System.Threading.RateLimiting;

namespace Kanban.Api.Infrastructure.Access;

/// <summary>
/// Limits password attempts per address and per account, so neither one machine nor a spread of
/// machines can guess a password quickly. Per process: behind several instances each keeps its own.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int PerAccountPerMinute = 10;
    public const int PerAddressPerMinute = 30;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.StartsWith("account:", StringComparison.Ordinal) ? PerAccountPerMinute : PerAddressPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>True if this attempt may go ahead; both limits are charged.</summary>
    public bool TryAttempt(string? address, string email)
    {
        using var byAddress = _limiter.AttemptAcquire($"address:{address ?? "unknown"}");
        using var byAccount = _limiter.AttemptAcquire($"account:{email.Trim().ToUpperInvariant()}");
        return byAddress.IsAcquired && byAccount.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
