using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace Kanban.Api.Infrastructure;

/// <summary>
/// Text is stored as given, so what a client sends as text must be text: no control characters other
/// than tab and line breaks (a NUL truncates it in some databases and tools), and no unpaired UTF-16
/// surrogates (which cannot be stored as UTF-8 and would silently become U+FFFD).
/// </summary>
public static class PlainText
{
    public const string Message = "This holds a control character or an unpaired surrogate; send plain text (tabs and line breaks are fine).";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_textProperties = new();

    public static bool IsPlain(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A failure for each text property (or item of a list of text) of <paramref name="message"/> that is not plain text.</summary>
    public static IEnumerable<ValidationFailure> Failures(object message)
    {
        foreach (var property in s_textProperties.GetOrAdd(message.GetType(), TextProperties))
        {
            switch (property.GetValue(message))
            {
                case string text when !IsPlain(text):
                    yield return new ValidationFailure(property.Name, Message);
                    break;
                case IEnumerable<string?> texts:
                    var index = 0;
                    foreach (var text in texts)
                    {
                        if (!IsPlain(text))
                        {
                            yield return new ValidationFailure($"{property.Name}[{index}]", Message);
                        }

                        index++;
                    }

                    break;
            }
        }
    }

    private static PropertyInfo[] TextProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0
                && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))];
}
