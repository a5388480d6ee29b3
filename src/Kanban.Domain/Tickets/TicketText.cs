using System.Globalization;

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
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsWrittenWithoutSpaces(c))
            {
                words++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c) || IsMark(c))
            {
                if (!inWord)
                {
                    words++;
                    inWord = true;
                }
            }
            else if (inWord && c is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
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

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsWrittenWithoutSpaces(char c) =>
        c is >= '\u3040' and <= '\u30FF'   // Hiragana, Katakana
            or >= '\u3400' and <= '\u4DBF' // CJK extension A
            or >= '\u4E00' and <= '\u9FFF' // CJK unified ideographs
            or >= '\uF900' and <= '\uFAFF'; // CJK compatibility ideographs
}
