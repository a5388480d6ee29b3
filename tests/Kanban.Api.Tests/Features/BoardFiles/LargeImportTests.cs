using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Kanban.Api.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.BoardFiles;

/// <summary>A board of 20,000 tickets with their history imports in one request; how long it takes belongs in the benchmarks.</summary>
public sealed class LargeImportTests(KanbanApiFactory factory, ITestOutputHelper output) : IClassFixture<KanbanApiFactory>
{
    private const int Tickets = 20_000;

    private static readonly string[] Lanes = ["Backlog", "Ready", "In progress", "Ready for test", "Testing", "Done"];

    [Fact]
    public async Task A_file_of_20000_tickets_with_their_history_imports_whole_with_progress_in_the_log()
    {
        var file = JsonSerializer.Serialize(Generate(), Kanban.Api.Tests.Infrastructure.Api.Json);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);

        // Not a time limit this test sets: HttpClient's default of 100 s failed it whenever a busy
        // machine made the import slower than that. The benchmarks own the import's duration.
        admin.Timeout = Timeout.InfiniteTimeSpan;

        var clock = Stopwatch.StartNew();
        var imported = await (await admin.ImportAsync(file)).ReadAsync<ImportedBoardResponse>(HttpStatusCode.Created);
        output.WriteLine($"Imported {Tickets} tickets ({file.Length / 1_000_000.0:0.0} MB) in {clock.Elapsed.TotalSeconds:0.0} s");

        var (cards, transitions) = await factory.WithDbAsync(async db => (
            await db.Cards.CountAsync(c => c.BoardId == imported.Id),
            await db.CardTransitions.CountAsync(t => t.BoardId == imported.Id)));
        cards.ShouldBe(Tickets);
        transitions.ShouldBe(Enumerable.Range(0, Tickets).Sum(StepsOf));
        var board = await admin.GetBoardAsync(imported.Id);
        board.Lanes.Sum(l => l.Count).ShouldBe(Tickets);
        board.Lane("Ready for test").Count.ShouldBe(Enumerable.Range(0, Tickets).Count(i => StepsOf(i) == 4));
        factory.Logs.Lines.ShouldContain(l => l.Contains($"Importing board BIG: 2000 of {Tickets} tickets written"));
        factory.Logs.Lines.ShouldContain(l => l.Contains($"Importing board BIG: {Tickets} of {Tickets} tickets written"));
    }

    private static int StepsOf(int ticket) => 3 + (ticket % 3);

    private static BoardFile Generate()
    {
        var start = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var people = Enumerable.Range(0, 20).Select(i => $"person{i}@big.example").ToList();
        var tickets = Enumerable.Range(0, Tickets).Select(i =>
        {
            var created = start.AddMinutes(i * 10);
            var history = Enumerable.Range(0, StepsOf(i))
                .Select(step => new BoardFileTransition(created.AddHours(step * 5), step == 0 ? null : Lanes[step - 1], Lanes[step], people[(i + step) % people.Count]))
                .ToList();
            return new BoardFileTicket(
                $"BIG-{i + 1}", $"Generated ticket {i + 1}", "Generated to measure the import.", ["It is imported"], 1 + (i % 5), "Standard", "OnBoard",
                history[^1].To, (i + 1) * 1024L, null, null, created, null, history, [], null);
        }).ToList();
        return new BoardFile(
            BoardFile.CurrentFormat,
            new BoardFileBoard("Big", "BIG", "UTC", start, null),
            [.. Lanes.Select((name, i) => new BoardFileLane(name, i switch { 0 => "Backlog", 5 => "Done", 2 or 4 => "Active", _ => "Queue" }, null, i is 3 or 4, i))],
            [new BoardFileMember(people[0], "Person 0", "ProductOwner")],
            tickets,
            []);
    }
}
