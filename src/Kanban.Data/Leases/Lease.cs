namespace Kanban.Data.Leases;

/// <summary>
/// Who may run a piece of background work that must run on one instance at a time, and until when:
/// the holder renews it while it works; once it has expired, another instance may take it.
/// </summary>
public sealed class Lease(string name, string holder, DateTimeOffset expiresAt)
{
    public string Name { get; private set; } = name;
    public string Holder { get; private set; } = holder;
    public DateTimeOffset ExpiresAt { get; private set; } = expiresAt;
}
