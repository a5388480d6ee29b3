using System.Globalization;
using System.Text;

namespace Kanban.Domain.Tickets;

/// <summary>How the gates read a ticket's text.</summary>
public static class TicketText
{
    /// <summary>
    /// Counts words: runs of letters and digits (an apostrophe or hyphen inside a word keeps it one
    /// word). Scripts written without spaces (Chinese, Japanese) count each character as a word.
    /// </summary>
    public static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        var runes = text.EnumerateRunes().ToList();
        for (var i = 0; i < runes.Count; i++)
        {
            var r = runes[i];
            if (IsWrittenWithoutSpaces(r))
            {
                words++;
                inWord = false;
            }
            else if (Rune.IsLetterOrDigit(r) || IsMark(r))
            {
                if (!inWord)
                {
                    words++;
                    inWord = true;
                }
            }
            else if (inWord && r.Value is '\'' or '’' or '-' && i + 1 < runes.Count && Rune.IsLetterOrDigit(runes[i + 1]))
            {
                // Inside a word: don't, well-known
            }
            else
            {
                inWord = false;
            }
        }

        return words;
    }

    /// <summary>
    /// The characters of scripts written without spaces, as a regular expression character range:
    /// each is a word of its own, so any of them is a word boundary.
    /// </summary>
    internal const string WrittenWithoutSpacesRange = @"\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F";

    private static bool IsMark(Rune r) => Rune.GetUnicodeCategory(r)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsWrittenWithoutSpaces(Rune r) =>
        r.Value is >= 0x3040 and <= 0x30FF   // Hiragana, Katakana
            or >= 0x3400 and <= 0x4DBF       // CJK extension A
            or >= 0x4E00 and <= 0x9FFF       // CJK unified ideographs
            or >= 0xF900 and <= 0xFAFF       // CJK compatibility ideographs
            or >= 0xFF66 and <= 0xFF9F       // Half-width Katakana
            or >= 0x20000 and <= 0x3FFFF;    // CJK extensions B and later, compatibility supplement
}
