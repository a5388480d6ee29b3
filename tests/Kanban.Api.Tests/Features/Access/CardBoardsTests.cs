using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.Access;

/// <summary>The access check of a card route finds the card's board once, then remembers it: a card never changes board.</summary>
public sealed class CardBoardsTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_cards_board_is_read_once_and_then_remembered()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.SubmitTicketAsync(board.Id);
        var cardBoards = new CardBoards();

        (await factory.WithDbAsync(db => cardBoards.BoardOfAsync(db, ticket.Id, CancellationToken.None))).ShouldBe(board.Id);
        await factory.WithDbAsync(db => db.Cards.Where(c => c.Id == ticket.Id).ExecuteDeleteAsync());

        (await factory.WithDbAsync(db => cardBoards.BoardOfAsync(db, ticket.Id, CancellationToken.None))).ShouldBe(board.Id, "the row is gone, so this came from memory");
    }

    [Fact]
    public async Task An_unknown_card_is_not_found_and_not_remembered_as_missing()
    {
        var cardBoards = new CardBoards();
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.SubmitTicketAsync(board.Id);

        await Should.ThrowAsync<NotFoundException>(() => factory.WithDbAsync(db => cardBoards.BoardOfAsync(db, Guid.NewGuid(), CancellationToken.None)));
        (await factory.WithDbAsync(db => cardBoards.BoardOfAsync(db, ticket.Id, CancellationToken.None))).ShouldBe(board.Id);
    }

    [Fact]
    public async Task When_full_it_forgets_and_reads_again()
    {
        var board = await _client.CreateBoardAsync();
        var first = await _client.SubmitTicketAsync(board.Id);
        var second = await _client.SubmitTicketAsync(board.Id);
        var cardBoards = new CardBoards(maxRemembered: 1);

        await factory.WithDbAsync(db => cardBoards.BoardOfAsync(db, first.Id, CancellationToken.None));
        await factory.WithDbAsync(db => cardBoards.BoardOfAsync(db, second.Id, CancellationToken.None));
        await factory.WithDbAsync(db => db.Cards.Where(c => c.Id == first.Id).ExecuteDeleteAsync());

        await Should.ThrowAsync<NotFoundException>(() => factory.WithDbAsync(db => cardBoards.BoardOfAsync(db, first.Id, CancellationToken.None)));
    }
}
