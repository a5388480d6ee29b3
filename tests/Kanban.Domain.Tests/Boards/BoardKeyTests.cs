using Kanban.Domain.Boards;

namespace Kanban.Domain.Tests.Boards;

public sealed class BoardKeyTests
{
    [Theory]
    [InlineData("DEMO", 1, "DEMO-1")]
    [InlineData("DEMO", 42, "DEMO-42")]
    [InlineData("K8S", 1000, "K8S-1000")]
    public void A_card_key_is_the_board_key_a_dash_and_the_card_number(string boardKey, int number, string expected)
    {
        BoardKey.CardKey(boardKey, number).ShouldBe(expected);
    }

    [Theory]
    [InlineData("DEMO", true)]
    [InlineData("AB", true)]
    [InlineData("ABCDEFGHIJ", true)]
    [InlineData("A", false)]
    [InlineData("ABCDEFGHIJK", false)]
    [InlineData("9AB", false)]
    [InlineData("abc", false)]
    [InlineData(null, false)]
    public void A_key_is_valid_only_when_it_follows_the_rule(string? key, bool valid)
    {
        BoardKey.IsValid(key).ShouldBe(valid);
    }
}
