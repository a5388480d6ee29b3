using System.Security.Cryptography;
using FluentValidation;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.ShareLinks;

/// <summary>A share link as listed: its token is never shown again after creation.</summary>
public sealed record ShareLinkResponse(Guid Id, ShareView View, DateTimeOffset CreatedAt, Guid CreatedBy, DateTimeOffset? RevokedAt);

/// <summary>The one answer that carries the token: <c>url</c> opens the view.</summary>
public sealed record CreatedShareLinkResponse(Guid Id, ShareView View, string Url);

public sealed record CreateShareLinkRequest(ShareView? View);

[BoardAccess(BoardRole.ProductOwner)]
public sealed record CreateShareLinkCommand(Guid BoardId, ShareView? View) : ICommand<CreatedShareLinkResponse>, IBoardRequest;

public sealed class CreateShareLinkValidator : AbstractValidator<CreateShareLinkCommand>
{
    public CreateShareLinkValidator() => RuleFor(c => c.View).NotNull().WithMessage("View is wall or status.");
}

public sealed class CreateShareLinkHandler(KanbanDbContext db, CurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateShareLinkCommand, CreatedShareLinkResponse>
{
    public async ValueTask<CreatedShareLinkResponse> Handle(CreateShareLinkCommand command, CancellationToken cancellationToken)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var link = new ShareLink(command.BoardId, command.View!.Value, token, clock.GetUtcNow(), user.RequireUserId());
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        var page = link.View == ShareView.Wall ? "wall" : "status";
        return new CreatedShareLinkResponse(link.Id, link.View, $"/{page}/{link.BoardId}?share={token}");
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

[BoardAccess(BoardRole.ProductOwner)]
public sealed record ListShareLinksQuery(Guid BoardId) : IQuery<IReadOnlyList<ShareLinkResponse>>, IBoardRequest;

public sealed class ListShareLinksHandler(KanbanDbContext db) : IQueryHandler<ListShareLinksQuery, IReadOnlyList<ShareLinkResponse>>
{
    public async ValueTask<IReadOnlyList<ShareLinkResponse>> Handle(ListShareLinksQuery query, CancellationToken cancellationToken) =>
        await db.ShareLinks.AsNoTracking().Where(l => l.BoardId == query.BoardId)
            .OrderByDescending(l => l.CreatedAt)
            .Select(l => new ShareLinkResponse(l.Id, l.View, l.CreatedAt, l.CreatedBy, l.RevokedAt))
            .ToListAsync(cancellationToken);
}

[BoardAccess(BoardRole.ProductOwner)]
public sealed record RevokeShareLinkCommand(Guid ShareLinkId) : ICommand, IShareLinkRequest;

public sealed class RevokeShareLinkHandler(KanbanDbContext db, TimeProvider clock, ChangeFeed feed) : ICommandHandler<RevokeShareLinkCommand>
{
    public async ValueTask<Unit> Handle(RevokeShareLinkCommand command, CancellationToken cancellationToken)
    {
        var link = await db.ShareLinks.FirstOrDefaultAsync(l => l.Id == command.ShareLinkId, cancellationToken)
            ?? throw new NotFoundException("Share link", command.ShareLinkId);
        link.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(BoardAccessNarrowed.ShareLink(link.BoardId, link.Id));
        return Unit.Value;
    }
}

public static class ShareLinksEndpoints
{
    public static IEndpointRouteBuilder MapShareLinks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/boards/{boardId:guid}/share-links", async (Guid boardId, CreateShareLinkRequest link, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(new CreateShareLinkCommand(boardId, link.View), ct);
            return TypedResults.Created($"/api/share-links/{created.Id}", created);
        })
            .WithTags("Share links")
            .WithName("CreateShareLink");

        app.MapGet("/api/boards/{boardId:guid}/share-links", async (Guid boardId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListShareLinksQuery(boardId), ct)))
            .WithTags("Share links")
            .WithName("ListShareLinks");

        app.MapDelete("/api/share-links/{shareLinkId:guid}", async (Guid shareLinkId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RevokeShareLinkCommand(shareLinkId), ct);
            return TypedResults.NoContent();
        })
            .WithTags("Share links")
            .WithName("RevokeShareLink");

        return app;
    }
}
