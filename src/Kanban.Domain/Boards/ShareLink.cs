using System.Security.Cryptography;
using System.Text;

namespace Kanban.Domain.Boards;

public enum ShareView
{
    Wall,
    Status,
}

/// <summary>
/// A read-only link to one view of one board, for a wall screen or a stakeholder. Only a hash of its
/// token is kept, so the stored links cannot be used by whoever reads the database.
/// </summary>
public sealed class ShareLink
{
    private ShareLink()
    {
        TokenHash = "";
    }

    public ShareLink(Guid boardId, ShareView view, string token, DateTimeOffset now, Guid createdBy)
    {
        Id = Guid.CreateVersion7();
        BoardId = boardId;
        View = view;
        TokenHash = Hash(token);
        CreatedAt = now;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }
    public Guid BoardId { get; private set; }
    public ShareView View { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
