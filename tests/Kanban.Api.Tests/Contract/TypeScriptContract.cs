using System.Reflection;
using System.Text;

namespace Kanban.Api.Tests.Contract;

/// <summary>
/// Renders C# message records as TypeScript declarations, as System.Text.Json writes them for the web
/// (camelCase properties, enums as their names, nullable as <c>| null</c>), each type once, in the
/// order first met.
/// </summary>
public sealed class TypeScriptContract
{
    private readonly NullabilityInfoContext _nullability = new();
    private readonly List<Type> _types = [];

    public string TypeOf(Type type) => TypeOf(type, nullable: false);

    /// <summary>The declarations of every type <see cref="TypeOf(Type)"/> has named so far.</summary>
    public string Declarations()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _types.Count; i++)
        {
            var type = _types[i];
            text.AppendLine();
            if (type.IsEnum)
            {
                text.AppendLine($"export type {type.Name} = {string.Join(" | ", Enum.GetNames(type).Select(n => $"'{n}'"))};");
                continue;
            }

            text.AppendLine($"export interface {type.Name} {{");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
            {
                var nullable = _nullability.Create(property).ReadState == NullabilityState.Nullable;
                text.AppendLine($"  {CamelCase(property.Name)}: {TypeOf(property.PropertyType, nullable)};");
            }

            text.AppendLine("}");
        }

        return text.ToString();
    }

    private string TypeOf(Type type, bool nullable)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeOf(underlying, nullable: true);
        }

        var name = type switch
        {
            _ when type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateTime) => "string",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) => "number",
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => $"{TypeOf(type.GetGenericArguments()[0])}[]",
            _ when type.IsArray => $"{TypeOf(type.GetElementType()!)}[]",
            _ when type.IsEnum || type.IsClass => Named(type),
            _ => throw new NotSupportedException($"No TypeScript for {type}: add it to {nameof(TypeScriptContract)}."),
        };
        return nullable ? $"{name} | null" : name;
    }

    private string Named(Type type)
    {
        if (!_types.Contains(type))
        {
            _types.Add(type);
        }

        return type.Name;
    }

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
