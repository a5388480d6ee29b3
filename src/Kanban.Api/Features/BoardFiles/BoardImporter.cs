using System.Diagnostics;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Kanban.Data;
using Kanban.Data.Accounts;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.BoardFiles;

/// <summary>
/// Reads a board file into a new board: the one path for the import endpoint and the demo seed.
/// The whole file is checked first; then everything is written in one transaction, so a file that
/// fails changes nothing. People are matched by e-mail and created, without a password, when new.
/// </summary>
public sealed partial class BoardImporter(KanbanDbContext db, UserManager<User> users, TimeProvider clock, ILogger<BoardImporter> logger)
{
    /// <summary>Tickets written per save: memory stays flat and the log shows progress.</summary>
    public const int BatchSize = 2_000;

    public static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
        Converters = { new UtcTimeConverter() },

        // A board file is data served as application/json, never inlined in a page: people's text
        // stays readable instead of becoming \u0027 and \u002B escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads the file; JSON that is not a board file is refused with the path where reading stopped.</summary>
    public static async Task<BoardFile> ReadAsync(Stream body, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<BoardFile>(body, FileJson, ct)
                ?? throw Invalid("$", "The file is empty: a board file is a JSON object.");
        }
        catch (JsonException e)
        {
            throw Invalid(string.IsNullOrEmpty(e.Path) ? "$" : e.Path, $"This is not a valid board file here: {e.Message.Split('\n')[0].Trim()}");
        }
    }

    /// <param name="shift">Added to every time in the file (the demo moves its history up to now).</param>
    public async Task<Board> ImportAsync(BoardFile file, CancellationToken ct, TimeSpan shift = default)
    {
        var errors = BoardFileValidator.Validate(file);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var started = Stopwatch.GetTimestamp();
        var tickets = file.Tickets?.Select(t => t!).ToList() ?? [];
        using (await SqliteWriteGate.EnterAsync(db, ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Checked inside the transaction, so two imports of one key cannot both pass.
            if (await db.Boards.AnyAsync(b => b.Key == file.Board!.Key, ct))
            {
                throw Invalid("$.board.key", $"Another board already uses the key {file.Board!.Key}; change the key in the file.");
            }

            var people = await PeopleAsync(file, tickets, ct);
            var versions = ImportedTrail.Number(tickets, file.Line ?? []);
            var board = RestoreBoard(file, tickets, shift, versions.BoardVersion);
            db.Boards.Add(board);
            db.BoardMembers.AddRange((file.Members ?? []).Select(m => new BoardMember(board.Id, people[m!.Email!], Enum.Parse<BoardRole>(m.Role!))));
            var stops = (file.Line ?? []).Select(s => LineStop.Restore(
                board.Id,
                Enum.Parse<LineStopKind>(s!.Kind!),
                s.Reason!,
                s.StoppedAt!.Value + shift,
                PersonOf(people, s.By),
                s.ResumedAt + shift,
                PersonOf(people, s.ResumedBy),
                s.ResumeNote)).ToList();
            db.LineStops.AddRange(stops);
            db.Activity.AddRange(ImportedTrail.OfLine(board, stops, versions));
            await db.SaveChangesAsync(ct);

            var lanes = board.Lanes.ToDictionary(l => l.Name, StringComparer.Ordinal);
            var ranks = new Dictionary<Guid, long>();
            var doneRanks = DoneRanksInOrderOfCompletion(tickets, lanes);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                for (var i = 0; i < tickets.Count; i++)
                {
                    var (card, transitions, comments) = RestoreCard(board, tickets[i], lanes, people, ranks, shift, doneRanks.TryGetValue(i, out var doneRank) ? doneRank : null);
                    db.Cards.Add(card);
                    db.CardTransitions.AddRange(transitions);
                    db.CardBlocks.AddRange(BlockPeriodsOf(board, card, tickets[i], shift));
                    db.TicketComments.AddRange(comments);
                    db.Activity.AddRange(ImportedTrail.OfCard(board, card, transitions, comments, versions.OfTicket(i)));
                    if ((i + 1) % BatchSize == 0 || i == tickets.Count - 1)
                    {
                        await db.SaveChangesAsync(ct);
                        db.ChangeTracker.Clear();
                        LogProgress(logger, board.Key, i + 1, tickets.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
                    }
                }
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
            }

            await LinkDuplicatesAsync(board, tickets, ct);

            await transaction.CommitAsync(ct);
            LogImported(logger, board.Key, tickets.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
            return board;
        }
    }

    /// <summary>
    /// The second pass: every card exists now, so each duplicate can point at its original wherever
    /// the two are in the file. Only the linked tickets and their originals are loaded.
    /// </summary>
    private async Task LinkDuplicatesAsync(Board board, List<BoardFileTicket> tickets, CancellationToken ct)
    {
        var linked = tickets.Where(t => t.DuplicateOf is not null || t.LikelyDuplicateOf is not null).ToList();
        foreach (var chunk in linked.Chunk(BatchSize))
        {
            var keys = chunk.SelectMany(t => new[] { t.Key!, t.DuplicateOf, t.LikelyDuplicateOf }).OfType<string>().Distinct().ToList();
            var cards = await db.Cards.Where(c => c.BoardId == board.Id && keys.Contains(c.Key)).ToDictionaryAsync(c => c.Key, StringComparer.Ordinal, ct);
            foreach (var ticket in chunk)
            {
                var card = cards[ticket.Key!];
                if (ticket.DuplicateOf is { } original)
                {
                    card.RestoreDuplicateOf(cards[original]);
                }

                if (ticket.LikelyDuplicateOf is { } likely)
                {
                    card.RestoreLikelyDuplicateOf(cards[likely]);
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static ValidationException Invalid(string path, string message) => new([new ValidationFailure(path, message)]);

    private static Guid? PersonOf(Dictionary<string, Guid> people, string? email) => email is null ? null : people[email];

    /// <summary>Everyone the file names, by e-mail: found, or created without a password (they exist, own history, cannot sign in).</summary>
    private async Task<Dictionary<string, Guid>> PeopleAsync(BoardFile file, List<BoardFileTicket> tickets, CancellationToken ct)
    {
        var names = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in file.Members ?? [])
        {
            names[member!.Email!] = member.DisplayName;
        }

        var mentioned = tickets.Select(t => t.Assignee)
            .Concat(tickets.Select(t => t.SubmittedBy))
            .Concat(tickets.SelectMany(t => t.History ?? []).Select(h => h!.By))
            .Concat(tickets.SelectMany(t => t.Comments ?? []).Select(c => c!.By))
            .Concat((file.Line ?? []).SelectMany(s => new[] { s!.By, s.ResumedBy }));
        foreach (var email in mentioned)
        {
            if (email is not null)
            {
                names.TryAdd(email, null);
            }
        }

        var people = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var (email, displayName) in names)
        {
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                people[email] = existing.Id;
                continue;
            }

            var user = new User
            {
                Id = Guid.CreateVersion7(),
                Email = email,
                UserName = email,
                DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
                CreatedAt = clock.GetUtcNow(),
            };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw Invalid("$.members", $"{email} cannot be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            people[email] = user.Id;
        }

        return people;
    }

    private Board RestoreBoard(BoardFile file, List<BoardFileTicket> tickets, TimeSpan shift, long version)
    {
        var b = file.Board!;
        var defaults = new BoardSettings();
        var s = b.Settings;
        var settings = BoardSettings.Create(
            s?.PersonalWipLimit ?? defaults.PersonalWipLimit,
            s?.StopLineThreshold,
            s?.StaleDays ?? defaults.StaleDays,
            s?.MaxEstimateDays ?? defaults.MaxEstimateDays,
            s?.DuplicateThreshold ?? defaults.DuplicateThreshold,
            s?.FillerWords ?? defaults.FillerWords,
            s?.DuplicateWindowDays ?? defaults.DuplicateWindowDays,
            s?.CycleTimeWindowDays ?? defaults.CycleTimeWindowDays,
            new StatusSettings(
                s?.ForecastWeeks ?? defaults.ForecastWeeks,
                s?.TargetDate,
                s?.StoppedRedPercent ?? defaults.StoppedRedPercent,
                s?.LineStopSound ?? defaults.LineStopSound));
        var createdAt = b.CreatedAt
            ?? tickets.Select(t => t.CreatedAt!.Value).DefaultIfEmpty(clock.GetUtcNow() - shift).Min();
        var lanes = file.Lanes!.Select((l, i) => (Lane: l!, Order: l!.Order ?? i))
            .OrderBy(x => x.Order)
            .Select(x => (x.Lane.Name!, Enum.Parse<LaneKind>(x.Lane.Kind!), x.Lane.WipLimit, x.Lane.Untested ?? false));
        var lastNumber = tickets.Select(t => BoardFileValidator.NumberOf(t.Key!, b.Key!)!.Value).DefaultIfEmpty(0).Max();
        return Board.Restore(b.Name!, b.Key!, b.TimeZone ?? "UTC", settings, createdAt + shift, lastNumber, lanes, version);
    }

    /// <summary>
    /// The card as its history left it. When it started and completed is read from the history
    /// exactly as <see cref="Card"/> records them on a move: started on the first move out of the
    /// backlog, completed on entering the done lanes, kept while it stays in them; it last moved at
    /// its last history entry.
    /// </summary>
    /// <summary>When a card first left the backlog, and when it entered the done lanes (if it is still there).</summary>
    private static (DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt) TimesOf(
        IEnumerable<BoardFileTransition> history, Dictionary<string, Lane> lanes, TimeSpan shift)
    {
        DateTimeOffset? startedAt = null, completedAt = null;
        foreach (var move in history)
        {
            var to = lanes[move.To!];
            var at = move.At!.Value + shift;
            if (to.Kind != LaneKind.Backlog)
            {
                startedAt ??= at;
            }

            completedAt = to.Kind == LaneKind.Done ? completedAt ?? at : null;
        }

        return (startedAt, completedAt);
    }

    /// <summary>
    /// A done lane is in the order its cards were done: the board lists its most recent cards by rank.
    /// A file whose done lane is in another order (a hand-made one, say) has that lane ranked anew by
    /// completion, then by its own order; a file already in that order keeps its ranks. Returns the new
    /// rank by ticket index.
    /// </summary>
    private static Dictionary<int, long> DoneRanksInOrderOfCompletion(List<BoardFileTicket> tickets, Dictionary<string, Lane> lanes)
    {
        var reranked = new Dictionary<int, long>();
        var doneLanes = tickets
            .Select((ticket, index) => (ticket, index))
            .Where(t => t.ticket.State == nameof(TicketState.OnBoard) && t.ticket.Lane is { } lane && lanes[lane].Kind == LaneKind.Done)
            .GroupBy(t => t.ticket.Lane!);
        foreach (var lane in doneLanes)
        {
            var inFileOrder = lane.OrderBy(t => t.ticket.Rank ?? long.MaxValue).ThenBy(t => t.index).ToList();
            var byCompletion = inFileOrder
                .OrderBy(t => TimesOf((t.ticket.History ?? []).Select(h => h!), lanes, TimeSpan.Zero).CompletedAt ?? DateTimeOffset.MinValue)
                .ToList();
            if (byCompletion.Select(t => t.index).SequenceEqual(inFileOrder.Select(t => t.index)))
            {
                continue;
            }

            for (var k = 0; k < byCompletion.Count; k++)
            {
                reranked[byCompletion[k].index] = (k + 1) * LaneOrder.Gap;
            }
        }

        return reranked;
    }

    private static (Card Card, List<CardTransition> Transitions, List<TicketComment> Comments) RestoreCard(
        Board board,
        BoardFileTicket ticket,
        Dictionary<string, Lane> lanes,
        Dictionary<string, Guid> people,
        Dictionary<Guid, long> ranks,
        TimeSpan shift,
        long? doneRank)
    {
        var state = Enum.Parse<TicketState>(ticket.State!);
        var lane = ticket.Lane is null ? null : lanes[ticket.Lane];
        var content = new TicketContent(
            ticket.Title!,
            ticket.Description ?? "",
            [.. (ticket.DefinitionOfDone ?? []).Select(d => d!)],
            ticket.EstimateDays!.Value,
            BoardFileValidator.ParseEnum<CardClass>(ticket.Class) ?? CardClass.Standard);

        var history = (ticket.History ?? []).Select(h => h!).ToList();
        var (startedAt, completedAt) = TimesOf(history, lanes, shift);

        var createdAt = ticket.CreatedAt!.Value + shift;
        var updatedAt = ticket.UpdatedAt + shift
            ?? new[]
            {
                createdAt,
                history.Select(h => h.At!.Value + shift).DefaultIfEmpty(createdAt).Max(),
                (ticket.Blocked?.Since + shift) ?? createdAt,
                (ticket.Comments ?? []).Select(c => c!.At!.Value + shift).DefaultIfEmpty(createdAt).Max(),
            }.Max();

        var rank = doneRank ?? ticket.Rank ?? (lane is null ? 0 : ranks.GetValueOrDefault(lane.Id) + LaneOrder.Gap);
        if (lane is not null)
        {
            ranks[lane.Id] = Math.Max(ranks.GetValueOrDefault(lane.Id), rank);
        }

        var card = Card.Restore(
            board.Id,
            BoardFileValidator.NumberOf(ticket.Key!, board.Key)!.Value,
            ticket.Key!,
            content,
            state,
            state == TicketState.OnBoard ? lane?.Id : null,
            rank,
            PersonOf(people, ticket.Assignee),
            ticket.Blocked is { } blocked ? (blocked.Reason!, blocked.Since!.Value + shift) : null,
            createdAt,
            startedAt,
            completedAt,
            history.Count > 0 ? history[^1].At!.Value + shift : null,
            updatedAt,
            PersonOf(people, ticket.SubmittedBy));
        var transitions = history.Select(h => new CardTransition(
            board.Id,
            card.Id,
            h.From is null ? null : lanes[h.From].Id,
            lanes[h.To!].Id,
            h.At!.Value + shift,
            PersonOf(people, h.By))).ToList();
        var comments = (ticket.Comments ?? []).Select(c => new TicketComment(
            board.Id,
            card.Id,
            BoardFileValidator.CommentKindOf(c!, state),
            c!.Text!,
            c.At!.Value + shift,
            PersonOf(people, c.By))).ToList();
        return (card, transitions, comments);
    }

    /// <summary>
    /// The ticket's periods of blocked time as the file gives them; a file without them (older ones)
    /// still has the block it is in now, from <c>blocked.since</c>.
    /// </summary>
    private static IEnumerable<CardBlock> BlockPeriodsOf(Board board, Card card, BoardFileTicket ticket, TimeSpan shift)
    {
        var periods = (ticket.Blocks ?? []).Select(p => CardBlock.Restore(board.Id, card.Id, p!.Reason!, p.Since!.Value + shift, p.Until + shift)).ToList();
        if (card.Blocked && periods.All(p => p.UnblockedAt is not null))
        {
            periods.Add(CardBlock.Restore(board.Id, card.Id, card.BlockedReason!, card.BlockedSince!.Value, null));
        }

        return periods;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Importing board {Key}: {Done} of {Total} tickets written ({Seconds:0.0} s)")]
    private static partial void LogProgress(ILogger logger, string key, int done, int total, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported board {Key} with {Count} tickets in {Seconds:0.0} s")]
    private static partial void LogImported(ILogger logger, string key, int count, double seconds);
}
