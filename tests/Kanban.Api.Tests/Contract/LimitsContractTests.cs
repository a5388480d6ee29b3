using System.Reflection;
using System.Text;
using Kanban.Domain.Boards;

namespace Kanban.Api.Tests.Contract;

public sealed class LimitsContractTests
{
    public const string WebFile = "web/src/api/contract/limits.ts";

    [Fact]
    public void The_webs_board_limits_are_the_servers() =>
        ContractFile.AssertMatches(WebFile, Render());

    /// <summary>Every constant and range of <see cref="BoardLimits"/>, in the order declared, named in camelCase.</summary>
    private static string Render()
    {
        var text = new StringBuilder(ContractFile.TypeScriptHeader("src/Kanban.Domain/Boards/BoardLimits.cs", "tests/Kanban.Api.Tests/Contract/LimitsContractTests.cs"));
        text.Append("\n/** The limits the server keeps a board's names and settings in; ranges are inclusive. */\n");
        text.Append("export const LIMITS = {\n");
        foreach (var field in typeof(BoardLimits).GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => f.MetadataToken))
        {
            var value = field.GetValue(null);
            var rendered = value switch
            {
                IFormattable number => ContractFile.Number(number),
                Bounds<int> b => $"{{ min: {b.Min}, max: {b.Max} }}",
                Bounds<decimal> b => $"{{ min: {ContractFile.Number(b.Min)}, max: {ContractFile.Number(b.Max)} }}",
                Bounds<double> b => $"{{ min: {ContractFile.Number(b.Min)}, max: {ContractFile.Number(b.Max)} }}",
                Bounds<DateOnly> b => $"{{ min: '{b.Min:yyyy-MM-dd}', max: '{b.Max:yyyy-MM-dd}' }}",
                _ => throw new InvalidOperationException($"BoardLimits.{field.Name} is a {field.FieldType.Name}; teach {nameof(LimitsContractTests)} to render it."),
            };
            text.Append($"  {char.ToLowerInvariant(field.Name[0])}{field.Name[1..]}: {rendered},\n");
        }

        text.Append("} as const;\n");
        return text.ToString();
    }
}
