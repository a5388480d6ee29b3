using Kanban.Api.Infrastructure.Duplicates;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kanban.Api.Tests.Features.Duplicates.DuplicateTickets;

namespace Kanban.Api.Tests.Features.Duplicates;

/// <summary>
/// Tickets that arrive in bulk (a board file) are saved without their sentence embeddings and
/// compared by their words until the backfill has embedded them; a submitted ticket's vector is
/// saved with it. The backfill's loop is left out of this app so the test runs its batches itself.
/// </summary>
public sealed class VectorBackfillTests(VectorBackfillTests.AppWithoutBackfillLoop factory) : IClassFixture<VectorBackfillTests.AppWithoutBackfillLoop>
{
    public sealed class AppWithoutBackfillLoop : KanbanApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                foreach (var loop in services.Where(s => s.ImplementationType == typeof(TicketVectorBackfill)).ToList())
                {
                    services.Remove(loop);
                }
            });
        }
    }

    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task An_imported_boards_tickets_get_vectors_from_the_backfill_and_are_found_by_their_text_before_and_after()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var texts = new[] { Distinct[0], Distinct[1], Refund, Distinct[2], Distinct[3] };
        var imported = await admin.ImportOkAsync(BoardFile("BKF", texts));
        var refundId = await factory.WithDbAsync(db => db.Cards.Where(c => c.BoardId == imported.Id && c.Title == Refund.Title).Select(c => c.Id).SingleAsync());

        var vectorsBefore = await VectorCountAsync(imported.Id);
        var exactBefore = await _owner.CheckAsync(imported.Id, Refund);
        var rewordedBefore = await _owner.CheckAsync(imported.Id, RefundReworded);

        var backfill = ActivatorUtilities.CreateInstance<TicketVectorBackfill>(factory.Services);
        var embedded = 0;
        while (await backfill.EmbedBatchAsync(TestContext.Current.CancellationToken) is > 0 and var batch)
        {
            embedded += batch;
        }

        var exactAfter = await _owner.CheckAsync(imported.Id, Refund);
        var rewordedAfter = await _owner.CheckAsync(imported.Id, RefundReworded);

        vectorsBefore.ShouldBe(0);
        embedded.ShouldBeGreaterThanOrEqualTo(texts.Length);
        var model = factory.Services.GetRequiredService<ITicketEmbedder>().Model;
        var vectors = await factory.WithDbAsync(db => db.TicketVectors.AsNoTracking().Where(v => v.BoardId == imported.Id).ToListAsync());
        vectors.Count.ShouldBe(texts.Length);
        vectors.ShouldAllBe(v => v.Model == model && v.Vector.Length == 384 * sizeof(float));
        var cardIds = await factory.WithDbAsync(db => db.Cards.Where(c => c.BoardId == imported.Id).Select(c => c.Id).ToListAsync());
        vectors.Select(v => v.CardId).ShouldBe(cardIds, ignoreOrder: true);
        (await backfill.EmbedBatchAsync(TestContext.Current.CancellationToken)).ShouldBe(0, "nothing is embedded twice");

        (exactBefore.Duplicates[0].TicketId, exactBefore.Duplicates[0].Score).ShouldBe((refundId, 1.0));
        (exactAfter.Duplicates[0].TicketId, exactAfter.Duplicates[0].Score).ShouldBe((refundId, 1.0));
        rewordedBefore.Duplicates[0].TicketId.ShouldBe(refundId, Describe(rewordedBefore.Duplicates));
        rewordedAfter.Duplicates[0].TicketId.ShouldBe(refundId, Describe(rewordedAfter.Duplicates));
        rewordedAfter.Duplicates[0].Score.ShouldNotBe(rewordedBefore.Duplicates[0].Score, "once embedded, the ticket is compared by its meaning too");
    }

    [Fact]
    public async Task A_submitted_or_edited_ticket_has_its_vector_saved_with_it_and_leaves_the_backfill_nothing_to_do()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitAsync(board.Id, Refund);

        // Read at once: the backfill has not run, so the row is the submission's.
        var saved = await factory.WithDbAsync(db => db.TicketVectors.AsNoTracking().SingleOrDefaultAsync(v => v.CardId == ticket.Id));
        await _owner.EditAsync(ticket.Id, Distinct[4]);
        var edited = await factory.WithDbAsync(db => db.TicketVectors.AsNoTracking().SingleAsync(v => v.CardId == ticket.Id));
        var embedder = factory.Services.GetRequiredService<ITicketEmbedder>();
        var backfill = ActivatorUtilities.CreateInstance<TicketVectorBackfill>(factory.Services);
        while (await backfill.EmbedBatchAsync(TestContext.Current.CancellationToken) > 0)
        {
        }

        saved.ShouldNotBeNull("the submission saves the ticket's vector with it");
        saved.BoardId.ShouldBe(board.Id);
        saved.Floats().ShouldBe(embedder.Embed(Refund.Title, Refund.Description)!, tolerance: 1e-5);
        edited.Floats().ShouldBe(embedder.Embed(Distinct[4].Title, Distinct[4].Description)!, tolerance: 1e-5);
        var afterBackfill = await factory.WithDbAsync(db => db.TicketVectors.AsNoTracking().SingleAsync(v => v.CardId == ticket.Id));
        afterBackfill.EmbeddedAt.ShouldBe(edited.EmbeddedAt, "the backfill leaves a ticket that has its vector alone");
    }

    [Fact]
    public async Task The_embedding_model_loads_here_so_the_other_tests_compare_meaning_as_well_as_words()
    {
        var embedder = factory.Services.GetRequiredService<ITicketEmbedder>();

        embedder.Enabled.ShouldBeTrue();
        var vector = embedder.Embed(Refund.Title, Refund.Description)!;
        vector.Length.ShouldBe(384);
        Math.Sqrt(vector.Sum(v => (double)v * v)).ShouldBe(1, 1e-4);
        var same = Dot(vector, embedder.Embed(RefundReworded.Title, RefundReworded.Description)!);
        var other = Dot(vector, embedder.Embed(Distinct[9].Title, Distinct[9].Description)!);
        same.ShouldBeGreaterThan(other + 0.2);
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);

    private Task<int> VectorCountAsync(Guid boardId) => factory.WithDbAsync(db => db.TicketVectors.CountAsync(v => v.BoardId == boardId));
}
