using Kanban.Domain.Tickets;

namespace Kanban.Domain.Tests.Tickets;

public sealed class TicketTextTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \t\n ", 0)]
    [InlineData("Fix the reset link.", 4)]
    [InlineData("Don't break the well-known e-mail links", 6)]
    [InlineData("Lanes, cards, owners, etc.", 4)]
    [InlineData("Release 2026 ships on 3 March", 6)]
    [InlineData("- a dash - between words -", 4)]
    [InlineData("Größere Dateien prüfen", 3)]
    [InlineData("naı\u0308ve cafe\u0301 menu", 3)]
    [InlineData("パスワード再設定", 8)]
    [InlineData("修复登录，然后测试。", 8)]
    [InlineData("半角ｶﾀｶﾅ", 6)]
    [InlineData("𠮷野家", 3)]
    [InlineData("Export CSV 导出", 4)]
    [InlineData("Исправить вход в систему", 4)]
    public void Words_are_runs_of_letters_and_digits_and_each_chinese_or_japanese_character_is_one(string text, int words)
    {
        TicketText.CountWords(text).ShouldBe(words);
    }
}
