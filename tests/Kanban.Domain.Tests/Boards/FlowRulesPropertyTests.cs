using CsCheck;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Problems;
using Kanban.Domain.Tickets;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

/// <summary>
/// Random sequences of everything a team does to a board, applied through <see cref="Board"/> with
/// the counts a database would give; refused operations are skipped. After every step the flow
/// rules (1, 2 and 4), the door of triage (6: only an accept puts a card on the board) and the
/// versioning must hold.
/// </summary>
public sealed class FlowRulesPropertyTests
{
    private static readonly Guid[] People = [Alice, Bob, Carol];

    // Alice takes most of the work, so she often reaches her personal limit.
    private static readonly Guid?[] Assignees = [null, Alice, Alice, Alice, Alice, Bob, Bob, Carol];

    private static readonly Gen<Step> Steps = Gen.Select(
        Gen.Frequency(
            (6, Gen.Const(Op.Submit)),
            (7, Gen.Const(Op.Accept)),
            (1, Gen.Const(Op.Reject)),
            (16, Gen.Const(Op.Move)),
            (3, Gen.Const(Op.SetLaneLimit)),
            (2, Gen.Const(Op.SetPersonalLimit)),
            (2, Gen.Const(Op.SetThreshold)),
            (8, Gen.Const(Op.Assign)),
            (2, Gen.Const(Op.Block)),
            (1, Gen.Const(Op.Unblock)),
            (1, Gen.Const(Op.StopLine)),
            (3, Gen.Const(Op.ResumeLine))),
        Gen.Int[0, 999],
        Gen.Int[0, 999],
        Gen.Int[0, 999],
        (op, a, b, c) => new Step(op, a, b, c));

    private static readonly Gen<Step[]> Scenarios = Steps.Array[1, 80];

    private enum Op
    {
        Submit,
        Accept,
        Reject,
        Move,
        SetLaneLimit,
        SetPersonalLimit,
        SetThreshold,
        Assign,
        Block,
        Unblock,
        StopLine,
        ResumeLine,
    }

    [Fact]
    public void Random_work_on_a_board_never_breaks_the_lane_limits_the_personal_limits_the_stopped_line_or_the_versions()
    {
        var coverage = new Coverage();

        Scenarios.Sample(steps => coverage.Add(Play(steps)), iter: 1000);

        // The property is not vacuous: moves, accepts and assignments were refused by each rule,
        // lanes sat over lowered limits, and the line stopped both ways.
        coverage.WithRefusal[ProblemType.WipLimitReached].ShouldBeGreaterThanOrEqualTo(10);
        coverage.WithRefusal[ProblemType.PersonalWipLimitReached].ShouldBeGreaterThanOrEqualTo(10);
        coverage.WithRefusal[ProblemType.LineStopped].ShouldBeGreaterThanOrEqualTo(10);
        coverage.WithRefusal[ProblemType.QualityGateFailed].ShouldBeGreaterThanOrEqualTo(10);
        coverage.WithBacklogAcceptRefused.ShouldBeGreaterThanOrEqualTo(10);
        coverage.WithLaneOverItsLimit.ShouldBeGreaterThanOrEqualTo(10);
        coverage.WithAutoStop.ShouldBeGreaterThanOrEqualTo(10);
        coverage.WithManualStop.ShouldBeGreaterThanOrEqualTo(10);
    }

    /// <summary>Plays the steps on a fresh default board, checking the invariants after each; returns what happened.</summary>
    private static Outcome Play(Step[] steps)
    {
        var board = new BoardHarness();
        var initialVersion = board.Board.Version;
        var outcome = new Outcome();

        foreach (var step in steps)
        {
            board.Wait(TimeSpan.FromMinutes(7));
            var before = Snapshot.Of(board);
            var move = step.Op == Op.Move && board.Cards.Count > 0 ? PickMove(board, step) : null;
            var assignment = step.Op == Op.Assign && board.Cards.Count > 0 ? PickAssignment(board, step) : null;
            var ticket = step.Op is Op.Accept or Op.Reject && board.Triage.Count > 0 ? board.Triage[step.A % board.Triage.Count] : null;

            RuleViolation? refusal = null;
            try
            {
                Apply(board, step, move, assignment, ticket);
            }
            catch (RuleViolation violation)
            {
                refusal = violation;
                if (step.Op is Op.Move or Op.Accept or Op.Assign)
                {
                    outcome.Refusals.Add(violation.ProblemType);
                }

                outcome.BacklogAcceptRefused |= step.Op == Op.Accept && violation.ProblemType == ProblemType.WipLimitReached;
            }

            var after = Snapshot.Of(board);
            var what = $"{step} ({(refusal is null ? "done" : $"refused: {refusal.ProblemType}")})";

            // Versions: one per event, consecutive; a refusal changes nothing.
            board.Board.Version.ShouldBe(initialVersion + board.Board.Events.Count, what);
            board.Board.Events.Select(e => e.Version).ShouldBe(
                Enumerable.Range(1, board.Board.Events.Count).Select(i => initialVersion + i), what);
            if (refusal is not null)
            {
                after.Version.ShouldBe(before.Version, what);
                after.LaneCounts.ShouldBe(before.LaneCounts, what);
                after.ActiveByPerson.ShouldBe(before.ActiveByPerson, what);
            }

            // Rule 1: a lane's count grows only while it stays within its limit.
            foreach (var lane in board.Board.Lanes)
            {
                var (was, now) = (before.LaneCounts[lane.Id], after.LaneCounts[lane.Id]);
                if (now > was && lane.WipLimit is { } limit)
                {
                    now.ShouldBeLessThanOrEqualTo(limit, $"{lane.Name} grew from {was} to {now} over its limit of {limit} after {what}");
                }

                if (lane.WipLimit is { } l && now > l)
                {
                    outcome.LaneOverItsLimit = true;
                }
            }

            // Rule 6: a submission waits in triage, a rejection closes a ticket that never had a lane;
            // only an accept puts a card on the board, one at a time.
            var arrived = after.LaneCounts.Values.Sum() - before.LaneCounts.Values.Sum();
            arrived.ShouldBe(step.Op == Op.Accept && ticket is not null && refusal is null ? 1 : 0, what);

            // Rule 2: a person's cards in active lanes grow only while they stay within the personal limit.
            foreach (var person in People)
            {
                var (was, now) = (before.ActiveByPerson[person], after.ActiveByPerson[person]);
                if (now > was)
                {
                    now.ShouldBeLessThanOrEqualTo(board.Board.Settings.PersonalWipLimit, $"{person} grew from {was} to {now} after {what}");
                }
            }

            // Rule 4: no pull succeeds on a stopped line.
            if (move is { } m && refusal is null && IsPull(m, before))
            {
                before.Line.Stopped.ShouldBeFalse($"a pull into {m.Target.Name} succeeded on a stopped line: {what}");
            }

            // And no refusal is spurious: each one is called for by the state before the step.
            if (refusal is not null)
            {
                ShouldBeCalledFor(refusal, step, move, assignment, ticket, before, board.Board.Settings, what);
            }

            // Rule 4: the auto stop is open exactly while untested work is at or over the threshold.
            var threshold = board.Board.StopLineThreshold;
            var shouldStop = threshold > 0 && board.UntestedCount >= threshold;
            var openAuto = board.Board.LineStops.Count(s => s.Kind == LineStopKind.Auto && s.ResumedAt is null);
            var openManual = board.Board.LineStops.Count(s => s.Kind == LineStopKind.Manual && s.ResumedAt is null);
            openAuto.ShouldBe(shouldStop ? 1 : 0, $"{board.UntestedCount} untested, threshold {threshold}, after {what}");
            openManual.ShouldBeLessThanOrEqualTo(1, what);
            board.Board.Line.Stopped.ShouldBe(openAuto + openManual > 0, what);
            if (openManual == 1)
            {
                board.Board.Line.Kind.ShouldBe(LineStopKind.Manual, what);
            }

            outcome.AutoStop |= openAuto == 1;
            outcome.ManualStop |= openManual == 1;
        }

        return outcome;
    }

    private static bool IsPull(MoveChoice move, Snapshot before) =>
        move.Target.Kind is LaneKind.Queue or LaneKind.Active
        && move.Target.Order > move.Source.Order
        && move.Target.Order < before.FirstUntestedOrder;

    private static void ShouldBeCalledFor(
        RuleViolation refusal, Step step, MoveChoice? move, AssignmentChoice? assignment, Card? ticket, Snapshot before, BoardSettings settings, string what)
    {
        var type = refusal.ProblemType;
        switch (step.Op)
        {
            case Op.Accept when type == ProblemType.QualityGateFailed:
                QualityGates.Check(ticket!.Content, settings).ShouldContain(g => !g.Passed, what);
                break;
            case Op.Move or Op.Accept when type == ProblemType.WipLimitReached:
                QualityGates.Check(ticket?.Content ?? Ticket(), settings).ShouldAllBe(g => g.Passed, what);
                var lane = move?.Target ?? before.Backlog;
                move?.Source.ShouldNotBe(lane, what);
                lane.WipLimit.ShouldNotBeNull(what);
                before.LaneCounts[lane.Id].ShouldBeGreaterThanOrEqualTo(lane.WipLimit!.Value, what);
                refusal.Figures["count"].ShouldBe(before.LaneCounts[lane.Id], what);
                break;
            case Op.Move when type == ProblemType.PersonalWipLimitReached:
                move!.Target.Kind.ShouldBe(LaneKind.Active, what);
                move.Source.Kind.ShouldNotBe(LaneKind.Active, what);
                before.ActiveByPerson[move.Card.AssigneeId!.Value].ShouldBeGreaterThanOrEqualTo(settings.PersonalWipLimit, what);
                break;
            case Op.Assign when type == ProblemType.PersonalWipLimitReached:
                assignment!.LaneKind.ShouldBe(LaneKind.Active, what);
                before.ActiveByPerson[assignment.Person!.Value].ShouldBeGreaterThanOrEqualTo(settings.PersonalWipLimit, what);
                break;
            case Op.Move when type == ProblemType.LineStopped:
                IsPull(move!, before).ShouldBeTrue(what);
                before.Line.Stopped.ShouldBeTrue(what);
                break;
            case Op.StopLine when type == ProblemType.LineStopped:
                before.Line.Kind.ShouldBe(LineStopKind.Manual, what);
                break;
            case Op.ResumeLine when type == ProblemType.LineStopped:
                before.Line.Kind.ShouldBe(LineStopKind.Auto, what);
                break;
            case Op.ResumeLine when type == ProblemType.LineNotStopped:
                before.Line.Stopped.ShouldBeFalse(what);
                break;
            default:
                throw new ShouldAssertException($"Unexpected refusal {refusal.ProblemType}: {what}");
        }
    }

    private static AssignmentChoice PickAssignment(BoardHarness board, Step step)
    {
        // Half the time a card someone is working on: that is where the personal limit bites.
        var working = board.Cards.Where(c => board.LaneOf(c).Kind == LaneKind.Active).ToList();
        var card = step.C % 2 == 0 && working.Count > 0 ? working[step.A % working.Count] : board.Cards[step.A % board.Cards.Count];
        return new AssignmentChoice(card, Assignees[step.B % Assignees.Length], board.LaneOf(card).Kind);
    }

    private static MoveChoice PickMove(BoardHarness board, Step step)
    {
        // A third of the moves are someone pulling their next assigned card: where the personal limit bites.
        var waiting = board.Cards.Where(c => c.AssigneeId is not null && board.LaneOf(c).Kind != LaneKind.Active).ToList();
        var card = step.A % 3 == 0 && waiting.Count > 0 ? waiting[step.A / 3 % waiting.Count] : board.Cards[step.A % board.Cards.Count];
        var lanes = board.Board.OrderedLanes.ToList();
        var source = board.LaneOf(card);

        // Mostly the next lane, as work flows; otherwise anywhere, backwards and across lanes included.
        var target = step.B % 3 == 0 ? lanes[step.B / 3 % lanes.Count] : lanes[Math.Min(source.Order + 1, lanes.Count - 1)];
        int? index = step.C % 5 == 0 ? null : (step.C / 5) % (board.CountIn(target) + 2);
        return new MoveChoice(card, source, target, index);
    }

    private static void Apply(BoardHarness board, Step step, MoveChoice? move, AssignmentChoice? assignment, Card? ticket)
    {
        var card = board.Cards.Count > 0 ? board.Cards[step.A % board.Cards.Count] : null;
        switch (step.Op)
        {
            case Op.Submit:
                // One ticket in eight has a vague definition of done, which the gates refuse at accept.
                board.SubmitToTriage(step.B % 8 == 0 ? Ticket() with { DefinitionOfDone = ["It works"] } : Ticket());
                break;
            case Op.Accept when ticket is not null:
                board.Accept(ticket, step.C % 3 == 0 ? null : step.C % (board.CountIn(board.Board.BacklogLane) + 2));
                break;
            case Op.Reject when ticket is not null:
                board.Reject(ticket, $"Rejected at step {step.C}");
                break;
            case Op.Move when move is { } m:
                board.Move(m.Card, m.Target, m.Index);
                break;
            case Op.SetLaneLimit:
                var lanes = board.Board.OrderedLanes.ToList();
                var lane = lanes[step.A % lanes.Count];
                var limit = step.C % 2 == 0
                    ? Math.Max(0, board.CountIn(lane) - 1 + (step.B % 3))
                    : step.B % 6 == 0 ? (int?)null : step.B % 6;
                board.SetLimit(lane.Name, limit);
                break;
            case Op.SetPersonalLimit:
                board.ChangeSettings(s => s.PersonalWipLimit = Math.Max(1, step.B % 4));
                break;
            case Op.SetThreshold:
                board.ChangeSettings(s => s.StopLineThreshold = step.B % 7 == 0 ? null : step.B % 7);
                break;
            case Op.Assign when assignment is { } a:
                board.Assign(a.Card, a.Person);
                break;
            case Op.Block when card is not null:
                board.Block(card, $"Blocked at step {step.C}");
                break;
            case Op.Unblock when card is not null:
                board.Unblock(card);
                break;
            case Op.StopLine:
                board.StopLine($"Andon {step.B}");
                break;
            case Op.ResumeLine:
                board.ResumeLine($"Cleared {step.B}");
                break;
            default:
                break;
        }
    }

    private sealed record Step(Op Op, int A, int B, int C);

    private sealed record MoveChoice(Card Card, Lane Source, Lane Target, int? Index);

    private sealed record AssignmentChoice(Card Card, Guid? Person, LaneKind LaneKind);

    private sealed record Snapshot(
        long Version,
        Dictionary<Guid, int> LaneCounts,
        Dictionary<Guid, int> ActiveByPerson,
        LineState Line,
        int FirstUntestedOrder,
        Lane Backlog)
    {
        public static Snapshot Of(BoardHarness board) => new(
            board.Board.Version,
            board.LaneCounts.ToDictionary(),
            People.ToDictionary(p => p, p => board.ActiveCardsOf(p)),
            board.Board.Line,
            board.Board.Lanes.Where(l => l.Untested).Select(l => l.Order).DefaultIfEmpty(int.MaxValue).Min(),
            board.Board.BacklogLane);
    }

    private sealed class Outcome
    {
        public HashSet<ProblemType> Refusals { get; } = [];

        public bool LaneOverItsLimit { get; set; }

        public bool BacklogAcceptRefused { get; set; }

        public bool AutoStop { get; set; }

        public bool ManualStop { get; set; }
    }

    /// <summary>How many samples saw each thing; samples run on several threads.</summary>
    private sealed class Coverage
    {
        private readonly Lock _lock = new();

        public int Samples { get; private set; }

        public Dictionary<ProblemType, int> WithRefusal { get; } = new()
        {
            [ProblemType.WipLimitReached] = 0,
            [ProblemType.PersonalWipLimitReached] = 0,
            [ProblemType.LineStopped] = 0,
            [ProblemType.QualityGateFailed] = 0,
        };

        public int WithLaneOverItsLimit { get; private set; }

        public int WithBacklogAcceptRefused { get; private set; }

        public int WithAutoStop { get; private set; }

        public int WithManualStop { get; private set; }

        public void Add(Outcome outcome)
        {
            lock (_lock)
            {
                Samples++;
                foreach (var kind in outcome.Refusals.Where(WithRefusal.ContainsKey))
                {
                    WithRefusal[kind]++;
                }

                WithLaneOverItsLimit += outcome.LaneOverItsLimit ? 1 : 0;
                WithBacklogAcceptRefused += outcome.BacklogAcceptRefused ? 1 : 0;
                WithAutoStop += outcome.AutoStop ? 1 : 0;
                WithManualStop += outcome.ManualStop ? 1 : 0;
            }
        }
    }
}
