using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Cards;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Outliers;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Lanes;

/// <summary>A page of a lane's cards; <c>total</c> is every card in the lane, <c>people</c> everyone the page's cards name.</summary>
public sealed record LaneCardsPage(IReadOnlyList<CardResponse> Cards, int Total, IReadOnlyList<PersonResponse> People);

/// <summary>A done lane pages from the most recently completed card back; any other lane in rank order.</summary>
[BoardAccess(BoardRole.Viewer, ShareView.Wall)]
public sealed record GetLaneCardsQuery(Guid BoardId, Guid LaneId, int? Skip, int? Take) : IQuery<LaneCardsPage>, IBoardRequest;

public sealed class GetLaneCardsValidator : AbstractValidator<GetLaneCardsQuery>
{
    public const int DefaultTake = 20;
    public const int MaxTake = 100;

    public GetLaneCardsValidator()
    {
        RuleFor(q => q.Skip).GreaterThanOrEqualTo(0).WithMessage("Skip is how many cards to pass over: 0 or more.");
        RuleFor(q => q.Take).InclusiveBetween(1, MaxTake).WithMessage($"Take is how many cards to list: from 1 to {MaxTake}.");
    }
}

public sealed class GetLaneCardsHandler(KanbanDbContext db, TimeProvider clock, OutlierReader outlierReader) : IQueryHandler<GetLaneCardsQuery, LaneCardsPage>
{
    public async ValueTask<LaneCardsPage> Handle(GetLaneCardsQuery query, CancellationToken cancellationToken)
    {
        var lane = await db.Lanes.AsNoTracking()
            .Where(l => l.Id == query.LaneId && l.BoardId == query.BoardId)
            .Join(db.Boards, l => l.BoardId, b => b.Id, (l, b) => new { l.Kind, b.TimeZone })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Lane on this board", query.LaneId);

        var inLane = db.Cards.AsNoTracking().OnBoard(query.BoardId).Where(c => c.LaneId == query.LaneId);
        var total = await inLane.CountAsync(cancellationToken);
        var ordered = lane.Kind == LaneKind.Done ? inLane.OrderByDescending(c => c.Rank).ThenByDescending(c => c.Id) : inLane.OrderBy(c => c.Rank).ThenBy(c => c.Id);
        var cards = await ordered
            .Skip(query.Skip ?? 0)
            .Take(query.Take ?? GetLaneCardsValidator.DefaultTake)
            .ProjectToResponse()
            .ToListAsync(cancellationToken);

        // Only cards in active and queue lanes are tested for outliers.
        IReadOnlySet<Guid> outliers = new HashSet<Guid>();
        if (lane.Kind is LaneKind.Active or LaneKind.Queue && cards.Count > 0)
        {
            var board = await db.Boards.AsNoTracking().Include(b => b.Lanes).FirstAsync(b => b.Id == query.BoardId, cancellationToken);
            outliers = (await outlierReader.ReadAsync(board, cancellationToken)).Cards.Select(o => o.CardId).ToHashSet();
        }

        var at = BoardTime.Of(clock, lane.TimeZone);
        return new LaneCardsPage(
            [.. cards.Select(c => c.AsOf(at) with { Outlier = outliers.Contains(c.Id) })], total, await db.NamedByAsync(cards, cancellationToken));
    }
}
