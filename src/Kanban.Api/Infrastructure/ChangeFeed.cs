using System.Threading.Channels;
using Kanban.Domain.Boards;

namespace Kanban.Api.Infrastructure;

/// <summary>Something committed that the world must hear of: published only after its transaction commits.</summary>
public abstract record CommittedChange(Guid BoardId);

/// <summary>
/// A board's events as saved (they are also its activity rows), in version order, with the board's
/// time zone, which the cards' ages in the pushed messages are counted in.
/// </summary>
public sealed record BoardEventsCommitted(Guid BoardId, IReadOnlyList<BoardEvent> Events, string TimeZone) : CommittedChange(BoardId);

/// <summary>
/// Someone's access to a board shrank: a share link revoked (published by its handler), or a person
/// removed or given a lower role (<c>Role</c> is what they hold now, null when removed), which the
/// publisher reads from the committed <see cref="MemberChanged"/>. Open connections follow at once.
/// </summary>
public sealed record BoardAccessNarrowed(Guid BoardId, Guid? UserId, Guid? ShareLinkId, BoardRole? Role, string Reason) : CommittedChange(BoardId)
{
    /// <summary>Heard from another instance, which saved the change and tells the others itself.</summary>
    public bool FromAnotherInstance { get; init; }

    public static BoardAccessNarrowed Person(Guid boardId, Guid userId, BoardRole? role) => new(
        boardId,
        userId,
        null,
        role,
        role is { } now ? $"Your role on this board is now {Access.BoardAccess.Describe(now)}." : "You were removed from this board.");

    public static BoardAccessNarrowed ShareLink(Guid boardId, Guid shareLinkId) =>
        new(boardId, null, shareLinkId, null, "This share link was revoked.");
}

/// <summary>
/// The seam between a saved change and the world. Commands publish what they committed and return at
/// once; the publishers (the board hub now, later webhooks) read in order, outside any request, so a
/// slow or failing push never fails or slows a request whose change is saved.
/// </summary>
public sealed class ChangeFeed
{
    private readonly Channel<CommittedChange> _changes =
        Channel.CreateUnbounded<CommittedChange>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<CommittedChange> Reader => _changes.Reader;

    public void Publish(CommittedChange change) => _changes.Writer.TryWrite(change);
}
