using Kanban.Domain.Boards;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Metrics;

/// <summary>How many cards each lane held at the end of one day; <see cref="Counts"/> follows the lanes' board order.</summary>
public sealed record FlowDay(DateOnly Date, IReadOnlyList<int> Counts);

/// <summary>
/// The cumulative flow: for each day of a range, the cards in each lane at the end of that day (the
/// first moment of the next day in the board's time zone), replayed from the cards' moves. A move at
/// exactly the end of a day counts for the next one. A card is where its last move before that moment
/// took it; a card not yet on the board is in no lane, and a move into a lane since removed counts in none.
/// </summary>
public static class CumulativeFlow
{
    public static IReadOnlyList<FlowDay> Of(
        IReadOnlyList<FlowLane> lanes, IEnumerable<LaneMove> moves, DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var index = lanes.Select((lane, i) => (lane.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var ordered = moves.OrderBy(m => m.At).ToList();
        var laneOf = new Dictionary<Guid, Guid>();
        var counts = new int[lanes.Count];
        var next = 0;
        var days = new List<FlowDay>(to.DayNumber - from.DayNumber + 1);
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var end = calendar.StartOf(date.AddDays(1));
            for (; next < ordered.Count && ordered[next].At < end; next++)
            {
                var move = ordered[next];
                if (laneOf.TryGetValue(move.CardId, out var was) && index.TryGetValue(was, out var left))
                {
                    counts[left]--;
                }

                laneOf[move.CardId] = move.ToLaneId;
                if (index.TryGetValue(move.ToLaneId, out var entered))
                {
                    counts[entered]++;
                }
            }

            days.Add(new FlowDay(date, [.. counts]));
        }

        return days;
    }

    /// <summary>Work in progress at the end of each day: the cards in queue and active lanes.</summary>
    public static IReadOnlyList<(DateOnly Date, int Count)> WorkInProgress(IReadOnlyList<FlowLane> lanes, IReadOnlyList<FlowDay> days)
    {
        var inProgress = lanes.Select((lane, i) => (lane.Kind, i)).Where(p => p.Kind is LaneKind.Queue or LaneKind.Active).Select(p => p.i).ToList();
        return [.. days.Select(d => (d.Date, inProgress.Sum(i => d.Counts[i])))];
    }
}
