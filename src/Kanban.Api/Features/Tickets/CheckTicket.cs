using FluentValidation;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Duplicates;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using Kanban.Domain.Tickets;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Tickets;

/// <param name="TicketId">The ticket being edited, when it is saved already: it is left out of its own candidates.</param>
public sealed record CheckTicketRequest(
    Guid? BoardId, string? Title, string? Description, IReadOnlyList<string>? DefinitionOfDone, decimal? EstimateDays, CardClass? Class, Guid? TicketId = null);

/// <summary>
/// The gates on a draft, saving nothing: a form calls it as the user types, so a field not filled
/// in yet is a failing gate with its message, not an error.
/// </summary>
[BoardAccess(BoardRole.Member)]
public sealed record CheckTicketQuery(
    Guid BoardId, string? Title, string? Description, IReadOnlyList<string>? DefinitionOfDone, decimal? EstimateDays, CardClass? Class, Guid? TicketId = null)
    : IQuery<TicketCheckResponse>, IBoardRequest, ITicketFields;

public sealed class CheckTicketValidator : AbstractValidator<CheckTicketQuery>
{
    public CheckTicketValidator()
    {
        // Only what keeps a check cheap: whether the text is long or short enough is the gates' to say.
        RuleFor(t => t.Title).MaximumLength(20_000);
        RuleFor(t => t.Description).MaximumLength(100_000);
        RuleFor(t => t.DefinitionOfDone).Must(d => d is null || d.Count <= TicketFieldsValidator.MaxCriteria)
            .WithMessage($"A definition of done holds at most {TicketFieldsValidator.MaxCriteria} criteria.");
        RuleForEach(t => t.DefinitionOfDone).MaximumLength(20_000);
    }
}

public sealed class CheckTicketHandler(KanbanDbContext db, TicketDuplicates duplicates) : IQueryHandler<CheckTicketQuery, TicketCheckResponse>
{
    public async ValueTask<TicketCheckResponse> Handle(CheckTicketQuery query, CancellationToken cancellationToken)
    {
        var board = await db.Boards.AsNoTracking().Where(b => b.Id == query.BoardId).Select(b => new { b.Version, b.Settings }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Board", query.BoardId);
        // The criteria as the form shows them, blank rows included, so a message's "criterion 3" is the form's third row.
        var draft = query.ToContent() with { DefinitionOfDone = [.. (query.DefinitionOfDone ?? []).Select(c => c ?? "")] };
        var candidates = await duplicates.FindAsync(
            query.BoardId, board.Version, board.Settings, draft.Title, draft.Description, duplicates.EmbedForCheck(draft.Title, draft.Description), query.TicketId, cancellationToken);
        // An edited ticket is never said to read like an original the product owner ruled out for it.
        var distinctFrom = query.TicketId is { } ticketId ? await duplicates.DistinctFromAsync(ticketId, cancellationToken) : [];
        var readsLike = DuplicateRules.LikelyOriginal(candidates, board.Settings.DuplicateThreshold, distinctFrom)?.Ticket.Key;
        return new TicketCheckResponse(
            QualityGates.CheckDraft(draft, board.Settings, readsLike), candidates.ToCandidates(board.Settings), board.Settings.DuplicateThreshold);
    }
}
