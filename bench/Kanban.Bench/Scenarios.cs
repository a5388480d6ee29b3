using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Kanban.Bench;

public enum OutcomeKind
{
    Success,
    Refusal,
    Error,
}

/// <summary>How one request ended: a 2xx, a 409 rule refusal (by problem type), or anything else.</summary>
public readonly record struct Outcome(OutcomeKind Kind, string Label)
{
    public static readonly Outcome Success = new(OutcomeKind.Success, "");
}

/// <summary>One client's measurements; preallocated so recording costs no allocation in the loop.</summary>
public sealed class Recorder(int capacity)
{
    public List<long> All { get; } = new(capacity);
    public List<long> Successful { get; } = new(capacity);
    public Dictionary<string, int> Refusals { get; } = [];
    public Dictionary<string, int> Errors { get; } = [];

    public void Add(long ticks, Outcome outcome)
    {
        All.Add(ticks);
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                Successful.Add(ticks);
                break;
            case OutcomeKind.Refusal:
                Refusals[outcome.Label] = Refusals.GetValueOrDefault(outcome.Label) + 1;
                break;
            default:
                Errors[outcome.Label] = Errors.GetValueOrDefault(outcome.Label) + 1;
                break;
        }
    }
}

public sealed class Scenarios(HttpClient http, ApiProcess api, Options options)
{
    private const string ProblemPrefix = "urn:kanban:problem:";
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    private readonly ConcurrentDictionary<Guid, byte[]> _moveBodies = [];

    public async Task<ScenarioResult> HealthAsync(int clients, CancellationToken ct)
    {
        var live = new Uri("health/live", UriKind.Relative);
        var loops = Enumerable.Range(0, clients)
            .Select(_ => (Func<CancellationToken, Task<Outcome>>)(token => SendAsync(new HttpRequestMessage(HttpMethod.Get, live), token)))
            .ToList();
        return await MeasureAsync("health", "GET /health/live", loops, ct);
    }

    /// <summary>Each client cycles three cards of its own board through every lane, one card per lane at most.</summary>
    public async Task<ScenarioResult> OwnBoardAsync(int clients, CancellationToken ct)
    {
        var loops = new List<Func<CancellationToken, Task<Outcome>>>();
        for (var i = 1; i <= clients; i++)
        {
            var board = await BoardSetup.CreateBoardAsync(http, $"O{clients}C{i}", tickets: 3, ct);
            loops.Add(new OwnBoardMover(this, board).StepAsync);
        }

        return await MeasureAsync("moves, own board", "POST /api/cards/{id}/move", loops, ct);
    }

    /// <summary>All clients on one board, one card each, competing for the same lanes and limits.</summary>
    public async Task<ScenarioResult> SharedBoardAsync(int clients, CancellationToken ct)
    {
        var board = await BoardSetup.CreateBoardAsync(http, $"S{clients}", tickets: clients, ct);
        var loops = board.Cards.Select(card => (Func<CancellationToken, Task<Outcome>>)new SharedBoardMover(this, board, card).StepAsync).ToList();
        var result = await MeasureAsync("moves, shared board", "POST /api/cards/{id}/move", loops, ct);
        return result with { LanesOverLimit = await BoardSetup.LanesOverLimitAsync(http, board.Id, ct) };
    }

    internal Task<Outcome> MoveAsync(Guid cardId, Guid laneId, CancellationToken ct)
    {
        var body = _moveBodies.GetOrAdd(laneId, id => Encoding.UTF8.GetBytes($$"""{"laneId":"{{id}}"}"""));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonType;
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/cards/{cardId}/move") { Content = content }, ct);
    }

    /// <summary>Closed loop: every client awaits its answer before it sends the next request.</summary>
    private async Task<ScenarioResult> MeasureAsync(string name, string request, IReadOnlyList<Func<CancellationToken, Task<Outcome>>> loops, CancellationToken ct)
    {
        Console.Error.WriteLine($"  {name}, {loops.Count} client(s): {options.WarmupSeconds} s warmup, {options.DurationSeconds} s measured");
        var frequency = Stopwatch.Frequency;
        var from = Stopwatch.GetTimestamp() + (long)(options.WarmupSeconds * frequency);
        var until = from + (long)(options.DurationSeconds * frequency);
        var capacity = (int)Math.Min(4_000_000, 20_000 * options.DurationSeconds / loops.Count) + 1_000;
        var recorders = loops.Select(_ => new Recorder(capacity)).ToArray();

        var ends = await Task.WhenAll(loops.Select((step, i) => Task.Run(() => LoopAsync(step, recorders[i], from, until, ct), ct)));
        if (api.HasExited)
        {
            throw new BenchmarkException($"The API exited during '{name}':{Environment.NewLine}{api.RecentOutput}");
        }

        var seconds = (double)(ends.Max() - from) / frequency;
        return ScenarioResult.From(name, request, loops.Count, seconds, recorders);
    }

    private static async Task<long> LoopAsync(Func<CancellationToken, Task<Outcome>> step, Recorder recorder, long from, long until, CancellationToken ct)
    {
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            var outcome = await step(ct);
            var end = Stopwatch.GetTimestamp();
            if (start >= from)
            {
                recorder.Add(end - start, outcome);
            }

            if (end >= until)
            {
                return end;
            }
        }
    }

    private async Task<Outcome> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            using (request)
            using (var response = await http.SendAsync(request, ct))
            {
                if (response.IsSuccessStatusCode)
                {
                    return Outcome.Success;
                }

                var type = await ProblemTypeAsync(response, ct);
                return response.StatusCode == HttpStatusCode.Conflict
                    ? new Outcome(OutcomeKind.Refusal, type)
                    : new Outcome(OutcomeKind.Error, $"{(int)response.StatusCode} {type}".TrimEnd());
            }
        }
        catch (HttpRequestException e)
        {
            return new Outcome(OutcomeKind.Error, $"{e.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Outcome(OutcomeKind.Error, "timeout");
        }
    }

    private static async Task<string> ProblemTypeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var problem = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return problem.RootElement.TryGetProperty("type", out var type) && type.GetString() is { } value
                ? value.StartsWith(ProblemPrefix, StringComparison.Ordinal) ? value[ProblemPrefix.Length..] : value
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}

/// <summary>
/// Moves the first of its cards whose next lane holds none of its other cards, round robin, so the
/// client never fills a lane by itself: Backlog → … → Done → Backlog.
/// </summary>
internal sealed class OwnBoardMover(Scenarios scenarios, BoardLayout board)
{
    private readonly int[] _lane = [.. board.Cards.Select(c => board.LaneIndex(c.LaneId))];
    private int _next;

    public async Task<Outcome> StepAsync(CancellationToken ct)
    {
        for (var attempt = 0; attempt < _lane.Length; attempt++)
        {
            var card = (_next + attempt) % _lane.Length;
            var target = (_lane[card] + 1) % board.Lanes.Count;
            if (board.IsExclusive(target) && _lane.Contains(target))
            {
                continue;
            }

            _next = (card + 1) % _lane.Length;
            var outcome = await scenarios.MoveAsync(board.Cards[card].Id, board.Lanes[target].Id, ct);
            if (outcome.Kind == OutcomeKind.Success)
            {
                _lane[card] = target;
            }

            return outcome;
        }

        throw new BenchmarkException($"No card of board {board.Key} can move without sharing a lane.");
    }
}

/// <summary>
/// One card on a board other clients also move on. It goes forward a lane at a time; refused, it
/// goes back to the backlog next (and forward again if even that is refused).
/// </summary>
internal sealed class SharedBoardMover(Scenarios scenarios, BoardLayout board, CardInfo card)
{
    private int _lane = board.LaneIndex(card.LaneId);
    private bool _retreat;

    public async Task<Outcome> StepAsync(CancellationToken ct)
    {
        var backlog = board.BacklogIndex;
        var target = _retreat && _lane != backlog ? backlog : (_lane + 1) % board.Lanes.Count;
        var outcome = await scenarios.MoveAsync(card.Id, board.Lanes[target].Id, ct);
        if (outcome.Kind == OutcomeKind.Success)
        {
            _lane = target;
            _retreat = false;
        }
        else
        {
            _retreat = target != backlog;
        }

        return outcome;
    }
}
