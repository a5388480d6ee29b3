using Kanban.Domain.Boards;
using Kanban.Domain.Tickets;

namespace Kanban.Domain.Tests.Tickets;

/// <summary>The default list of untestable filler a new board starts with (the product owner edits it).</summary>
public sealed class FillerWordsTests
{
    private static readonly string[] NamedByTheRule =
        ["works", "as expected", "properly", "etc", "TBD", "fixed", "done", "should be good", "as needed", "and so on"];

    [Fact]
    public void A_new_board_starts_with_at_least_twenty_filler_words_including_every_one_the_rule_names()
    {
        BoardSettings.DefaultFillerWords.Count.ShouldBeGreaterThanOrEqualTo(20);
        foreach (var word in NamedByTheRule)
        {
            BoardSettings.DefaultFillerWords.ShouldContain(w => string.Equals(w, word, StringComparison.OrdinalIgnoreCase), word);
        }
    }

    [Theory]
    [MemberData(nameof(Named))]
    public void Each_named_filler_fails_a_criterion_that_uses_it_whatever_its_case(string word)
    {
        var criterion = $"After the release the export page is {word.ToUpperInvariant()} for every merchant";

        var gate = QualityGates.CheckDefinitionOfDone([criterion], BoardSettings.DefaultFillerWords);

        gate.Passed.ShouldBeFalse();
        gate.Message.ShouldContain("cannot be tested");
    }

    public static TheoryData<string> Named() => [.. NamedByTheRule];
}
