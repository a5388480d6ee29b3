namespace Kanban.Data.Accounts;

/// <summary>
/// The sign-in attempts counted for one key (an address or an account) in the minute that began at
/// <see cref="StartedAt"/>: kept in the database so every instance counts the same attempts.
/// </summary>
public sealed class SignInWindow(string key, DateTimeOffset startedAt, int attempts)
{
    public string Key { get; private set; } = key;
    public DateTimeOffset StartedAt { get; private set; } = startedAt;
    public int Attempts { get; private set; } = attempts;
}
