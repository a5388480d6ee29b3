using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kanban.Api.Features.ShareLinks;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kanban.Api.Tests.Operations;

/// <summary>
/// "No 500 from anything a client can send": every operation the app's own OpenAPI document lists
/// gets a deterministic (seeded) set of malformed requests, half aimed at things that exist so the
/// handlers are reached, half at ids that do not. Every answer must be a 4xx ProblemDetails of the
/// contract (or a success), a wrong method a 405, and nothing malformed may reach the database.
/// </summary>
public sealed partial class BadInputProbeTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private const int Seed = 20_261_202;
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    [Fact]
    public async Task Malformed_requests_to_every_operation_are_refused_with_contract_problems_and_store_nothing_malformed()
    {
        var world = await World.CreateAsync(factory);
        using var document = JsonDocument.Parse(await world.Owner.GetStringAsync("/openapi/v1.json"));
        var cases = new CaseBuilder(document.RootElement, world, new Random(Seed)).Build();

        var failures = new List<string>();
        foreach (var probe in cases)
        {
            failures.AddRange(await SendAsync(world, probe));
        }

        var stored = await MalformedStoredValuesAsync();

        cases.Count.ShouldBeInRange(1_000, 3_000, "the probe's size");
        (failures.Count + stored.Count).ShouldBe(0,
            $"{failures.Count} of {cases.Count} malformed requests were answered wrongly:\n" + string.Join('\n', failures.Take(400))
            + $"\n\nand the database holds {stored.Count} malformed values:\n" + string.Join('\n', stored.Take(100)));
    }

    private static async Task<List<string>> SendAsync(World world, Probe probe)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
        if (probe.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(probe.Body));
            if (probe.ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(probe.ContentType);
            }
        }

        var client = probe.AsAdmin ? world.Admin : world.Owner;
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var failures = new List<string>();
        void Fail(string why) => failures.Add(
            $"{probe.Method} {Snip(probe.Url, 120)} [{probe.Template}] ({probe.Name}) body={Snip(probe.Body ?? "(none)", 100)} " +
            $"content-type={probe.ContentType ?? "(none)"} -> {status}: {why} {Snip(text, 200)}");

        if (status >= 500)
        {
            Fail("a server error");
        }
        else if (status >= 400)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                Fail($"not application/problem+json but {response.Content.Headers.ContentType?.MediaType ?? "nothing"}");
            }
            else if (!ProblemTypeOf(text).StartsWith("urn:kanban:problem:", StringComparison.Ordinal))
            {
                Fail("a problem without a contract type");
            }
        }

        if (probe.Expected is { } expected && status != expected)
        {
            Fail($"expected {expected}");
        }

        else if (status == 405 && response.Content.Headers.Allow.Count == 0)
        {
            Fail("a 405 without an Allow header");
        }

        return failures;
    }

    private static string ProblemTypeOf(string text)
    {
        try
        {
            using var problem = JsonDocument.Parse(text);
            return problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("type", out var type)
                ? type.GetString() ?? ""
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string Snip(string text, int length)
    {
        var flat = Regex.Replace(text, @"\s+", " ");
        return flat.Length <= length ? flat : $"{flat[..length]}…({flat.Length} chars)";
    }

    /// <summary>Every text value with a control character and every enum value outside its type, in every table.</summary>
    private async Task<List<string>> MalformedStoredValuesAsync() =>
        await factory.WithDbAsync(async db =>
        {
            var found = new List<string>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var entity in db.Model.GetEntityTypes())
            {
                if (entity.GetTableName() is not { } table)
                {
                    continue;
                }

                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                foreach (var property in entity.GetProperties())
                {
                    if (property.GetColumnName(store) is not { } column)
                    {
                        continue;
                    }

                    var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                    var provider = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
                    if (clr.IsEnum || provider == typeof(string))
                    {
                        await using var command = connection.CreateCommand();
                        command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                        await using var reader = await command.ExecuteReaderAsync();
                        while (await reader.ReadAsync())
                        {
                            if (Malformed(reader, clr) is { } why)
                            {
                                found.Add($"{table}.{column}: {why}");
                            }
                        }
                    }
                }
            }

            return found;
        });

    private static string? Malformed(DbDataReader reader, Type clr)
    {
        var value = reader.GetValue(0);
        if (clr.IsEnum)
        {
            return value switch
            {
                string name when !Enum.GetNames(clr).Contains(name) => $"'{name}' is not a {clr.Name}",
                string => null,
                _ when !Enum.GetValues(clr).Cast<object>().Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture))
                    .Contains(Convert.ToInt64(value, CultureInfo.InvariantCulture)) => $"{value} is not a {clr.Name}",
                _ => null,
            };
        }

        return value is string text && (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            || text.Contains('\uFFFD') || EscapedControl().Matches(text).Any(m => m.Value.ToLowerInvariant() is not (@"\u0009" or @"\u000a" or @"\u000d")))
            ? $"'{Snip(text.Replace("\0", "\\0"), 80)}' holds a control character or a replaced lone surrogate"
            : null;
    }

    /// <summary>A control character escaped inside JSON kept in a text column.</summary>
    [GeneratedRegex(@"\\u00([01][0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])")]
    private static partial Regex EscapedControl();

    private sealed record Probe(string Name, string Method, string Template, string Url, string? Body, string? ContentType, bool AsAdmin, int? Expected = null);

    /// <summary>Things that exist, for half the requests, and the clients that reach them.</summary>
    private sealed class World
    {
        public required HttpClient Owner { get; init; }
        public required HttpClient Admin { get; init; }
        public required Dictionary<string, Guid[]> Ids { get; init; }

        public static async Task<World> CreateAsync(KanbanApiFactory factory)
        {
            var owner = factory.CreateClient();
            var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
            var board = await owner.CreateBoardAsync("Probe board");
            var triage = await owner.SubmitTicketAsync(board.Id, "Let a customer download an invoice as PDF");
            var card = await owner.AddCardAsync(board.Id, "Email the customer when an order ships");
            var other = await owner.AddCardAsync(board.Id, "Show stock levels on the product page");
            var member = await factory.UserIdOfAsync("probe-member@test.example");
            await (await owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = "probe-member@test.example", role = "Member" }))
                .ReadAsync<object>();
            var link = await (await owner.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view = "wall" }))
                .ReadAsync<CreatedShareLinkResponse>(HttpStatusCode.Created);
            return new World
            {
                Owner = owner,
                Admin = admin,
                Ids = new()
                {
                    ["boardId"] = [board.Id],
                    ["cardId"] = [card.Id, other.Id],
                    ["ticketId"] = [triage.Id, card.Id],
                    ["originalId"] = [other.Id],
                    ["laneId"] = [.. board.Lanes.Select(l => l.Id)],
                    ["userId"] = [member],
                    ["shareLinkId"] = [link.Id],
                },
            };
        }
    }

    /// <summary>Reads the operations from the OpenAPI document and makes the malformed requests for each.</summary>
    private sealed class CaseBuilder(JsonElement openApi, World world, Random random)
    {
        private const string RawMarker = "\u0001raw:";
        private readonly List<string> _raw = [];
        private bool _real;

        public List<Probe> Build()
        {
            var probes = new List<Probe>();
            foreach (var path in openApi.GetProperty("paths").EnumerateObject())
            {
                var methods = path.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant()).Where(m => Methods.Contains(m)).ToList();
                foreach (var operation in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name.ToUpperInvariant())))
                {
                    probes.AddRange(ForOperation(path.Name, operation.Name.ToUpperInvariant(), operation.Value));
                }

                foreach (var wrong in Methods.Except(methods))
                {
                    _real = true;
                    probes.Add(new Probe("wrong method", wrong, path.Name, Fill(path.Name, null), wrong is "GET" or "DELETE" ? null : "{}",
                        "application/json", AsAdmin(path.Name), Expected: 405));
                }
            }

            return probes;
        }

        private IEnumerable<Probe> ForOperation(string template, string method, JsonElement operation)
        {
            var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            var pathParameters = parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToList();
            var query = parameters.Where(p => p.GetProperty("in").GetString() == "query").ToList();
            JsonElement? schema = operation.TryGetProperty("requestBody", out var body)
                && body.GetProperty("content").TryGetProperty("application/json", out var json)
                && json.TryGetProperty("schema", out var s)
                    ? s
                    : null;

            Probe Make(string name, string? text, string? contentType = "application/json", Dictionary<string, string>? path = null, string? queryString = null)
            {
                var url = Fill(template, path) + (queryString is null ? "" : "?" + queryString);
                return new Probe(name, method, template, url, text is null ? null : Unraw(text), text is null ? null : contentType, AsAdmin(template));
            }

            Probe Next(string name, Func<string?> text, string? contentType = "application/json")
            {
                _real = random.Next(2) == 0;
                return Make(name, text(), contentType);
            }

            foreach (var parameter in pathParameters)
            {
                foreach (var bad in new[] { "not-a-guid", new string('9', 5_000), "00000000-0000-0000-0000-00000000000g", Guid.Empty.ToString(), "%F0%9F%92%A9" })
                {
                    _real = true;
                    yield return Make($"path {parameter}={Snip(bad, 20)}", schema is null ? null : Sample(schema.Value, 0, null)!.ToJsonString(),
                        path: new() { [parameter] = bad });
                }
            }

            foreach (var parameter in query)
            {
                var name = parameter.GetProperty("name").GetString()!;
                foreach (var bad in new[] { "abc", "-1", "0", "99999999999999999999", "1e308", "2147483648", "%00", new string('x', 100_000), "2026-13-45", "%ED%A0%80" })
                {
                    _real = random.Next(2) == 0;
                    yield return Make($"query {name}={Snip(bad, 20)}", null, queryString: $"{name}={bad}&{name}=1");
                }
            }

            if (schema is null)
            {
                yield return Next("no body", () => null);
                yield return Next("invalid json body", () => "{");
                yield return Next("text body", () => "hello", "text/plain");
                yield return Next("empty object body", () => "{}");
                yield return Next("deep body", () => Deep(200));
                yield break;
            }

            var baseline = (JsonObject?)(Sample(schema.Value, 0, null) as JsonObject);
            string Base() => Sample(schema.Value, 0, null)!.ToJsonString();

            yield return Next("a plausible body", Base);
            foreach (var (name, text) in new[]
            {
                ("invalid json: open brace", "{"),
                ("invalid json: open string", "{\""),
                ("invalid json: word", "nope"),
                ("invalid json: single quotes", "{'name':'x'}"),
                ("invalid json: trailing comma", "{\"name\":\"x\",}"),
                ("invalid json: comment", "{/* hi */}"),
                ("invalid json: NUL", "\0"),
                ("invalid json: empty", ""),
                ("invalid json: unclosed arrays", new string('[', 200)),
                ("invalid json: two documents", "{}{}"),
                ("invalid json: bad escape", "{\"name\":\"\\x\"}"),
                ("json array", "[]"),
                ("json string", "\"text\""),
                ("json number", "42"),
                ("json null", "null"),
                ("empty object", "{}"),
                ("unknown fields only", "{\"nonsense\":1,\"other\":[1,2]}"),
                ("deep arrays", Deep(200)),
                ("deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)),
            })
            {
                yield return Next(name, () => text);
            }

            foreach (var contentType in new[] { "text/plain", "application/xml", "application/json; charset=latin1", "application/x-www-form-urlencoded", "application/json; charset=utf-16" })
            {
                yield return Next($"content-type {contentType}", () => contentType == "application/xml" ? "<board><name>x</name></board>" : Base(), contentType);
            }

            yield return Next("no content-type", Base, null);

            if (baseline is null || baseline.Count == 0)
            {
                yield break;
            }

            yield return Next("duplicate keys", () =>
            {
                var text = Base();
                var first = baseline.First().Key;
                return "{\"" + first + "\":\"duplicate\"," + text[1..];
            });

            foreach (var (field, fieldSchema) in Fields(schema.Value, "", 0))
            {
                foreach (var (name, value) in Mutations(fieldSchema, field))
                {
                    yield return Next($"{field}: {name}", () =>
                    {
                        var node = Sample(schema.Value, 0, null)!;
                        return Set(node, field, value) ? node.ToJsonString() : null;
                    });
                }
            }
        }

        private string Fill(string template, Dictionary<string, string>? overrides) =>
            Regex.Replace(template, @"\{(\w+)\}", m =>
                overrides is not null && overrides.TryGetValue(m.Groups[1].Value, out var value) ? value : IdFor(m.Groups[1].Value).ToString());

        private static bool AsAdmin(string template) =>
            template.StartsWith("/api/users", StringComparison.Ordinal) || template.EndsWith("/import", StringComparison.Ordinal)
            || template.EndsWith("/export", StringComparison.Ordinal);

        private Guid IdFor(string name)
        {
            if (_real && world.Ids.TryGetValue(name, out var ids))
            {
                return ids[random.Next(ids.Length)];
            }

            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        private static string Deep(int depth) => new string('[', depth) + new string(']', depth);

        private JsonElement Resolve(JsonElement schema)
        {
            while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
            {
                schema = openApi.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
            }

            foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema.TryGetProperty(combinator, out var branches))
                {
                    var chosen = branches.EnumerateArray().Select(Resolve)
                        .FirstOrDefault(b => !Types(b).SequenceEqual(["null"]), branches[0]);
                    return Resolve(chosen);
                }
            }

            return schema;
        }

        private static List<string> Types(JsonElement schema)
        {
            if (!schema.TryGetProperty("type", out var type))
            {
                return schema.TryGetProperty("enum", out _) ? ["string"] : schema.TryGetProperty("properties", out _) ? ["object"] : [];
            }

            return type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];
        }

        private static string MainType(JsonElement schema)
        {
            var types = Types(schema);
            return new[] { "integer", "number", "boolean", "array", "object", "string" }.FirstOrDefault(types.Contains) ?? "object";
        }

        private static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var f) ? f.GetString() : null;

        private static List<string> EnumValues(JsonElement schema) =>
            schema.TryGetProperty("enum", out var values)
                ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
                : [];

        /// <summary>A value the schema describes, close enough to valid that the handler is reached.</summary>
        private JsonNode? Sample(JsonElement schema, int depth, string? name)
        {
            schema = Resolve(schema);
            if (EnumValues(schema) is [var first, ..])
            {
                return name == "role" ? "Member" : first;
            }

            switch (MainType(schema))
            {
                case "integer":
                    return name switch { "wipLimit" => 3, "take" => 10, _ => 1 };
                case "number":
                    return name == "duplicateThreshold" ? 0.8 : 1;
                case "boolean":
                    return false;
                case "array":
                    return depth > 4 || !schema.TryGetProperty("items", out var items) ? new JsonArray() : new JsonArray(Sample(items, depth + 1, name));
                case "string":
                    return Format(schema) switch
                    {
                        "uuid" => IdFor(name ?? "").ToString(),
                        "date-time" => "2026-11-02T09:00:00Z",
                        _ => name switch
                        {
                            "email" => "probe-member@test.example",
                            "key" => "PRB" + random.Next(1_000),
                            "format" => "kanban-board/1",
                            "password" => "not the password at all",
                            _ => "Probe text " + random.Next(1_000),
                        },
                    };
                default:
                    var result = new JsonObject();
                    if (depth <= 4 && schema.TryGetProperty("properties", out var properties))
                    {
                        foreach (var property in properties.EnumerateObject())
                        {
                            result[property.Name] = Sample(property.Value, depth + 1, property.Name);
                        }
                    }

                    return result;
            }
        }

        /// <summary>Each field of the body, as a dotted path (array items as <c>0</c>), to two levels deep.</summary>
        private IEnumerable<(string Path, JsonElement Schema)> Fields(JsonElement schema, string prefix, int depth)
        {
            schema = Resolve(schema);
            if (depth > 2)
            {
                yield break;
            }

            if (MainType(schema) == "array" && schema.TryGetProperty("items", out var items))
            {
                foreach (var field in Fields(items, prefix + "0.", depth + 1))
                {
                    yield return field;
                }

                yield break;
            }

            if (!schema.TryGetProperty("properties", out var properties))
            {
                yield break;
            }

            foreach (var property in properties.EnumerateObject())
            {
                yield return (prefix + property.Name, property.Value);
                foreach (var field in Fields(property.Value, prefix + property.Name + ".", depth + 1))
                {
                    yield return field;
                }
            }
        }

        /// <summary>The wrong values for a field of this schema; null removes it. Deeper fields get a seeded sample of them.</summary>
        private IEnumerable<(string Name, string? Raw)> Mutations(JsonElement schema, string field)
        {
            schema = Resolve(schema);
            var all = new List<(string, string?)> { ("missing", null), ("null", "null"), ("object", "{}") };
            var type = MainType(schema);
            var enums = EnumValues(schema);
            if (enums.Count > 0)
            {
                all.AddRange([("enum as 0", "0"), ("enum as 1", "1"), ("enum as 99", "99"), ("enum as -1", "-1"), ("unknown enum", "\"NoSuchValue\""),
                    ("empty enum", "\"\""), ("lower-case enum", $"\"{enums[0].ToLowerInvariant()}\""), ("enum as numeric string", "\"1\""),
                    ("enum with NUL", $"\"{enums[0]}\\u0000\"")]);
            }
            else if (type is "integer" or "number")
            {
                all.AddRange([("string", "\"twelve\""), ("negative", "-1"), ("huge double", "1e308"),
                    ("long max + 1", "9223372036854775808"), ("int max + 1", "2147483648"), ("fraction", "1.5"),
                    ("NaN", "\"NaN\""), ("numeric string", "\"7\""), ("overflowing literal", "1e400"), ("many digits", new string('9', 400))]);
            }
            else if (type == "boolean")
            {
                all.AddRange([("string", "\"true\""), ("number", "1")]);
            }
            else if (type == "array")
            {
                all.AddRange([("string", "\"text\""), ("number", "5"), ("array of nulls", "[null]"), ("array of numbers", "[1,2]"),
                    ("array of 100k strings", "[\"" + new string('x', 100_000) + "\"]"), ("array of NUL", "[\"\\u0000\"]"),
                    ("5000 items", "[" + string.Join(',', Enumerable.Repeat("\"x\"", 5_000)) + "]"), ("deep arrays", Deep(200))]);
            }
            else if (type == "object")
            {
                all.AddRange([("string", "\"text\""), ("array", "[]"), ("deep arrays", Deep(200))]);
            }
            else
            {
                all.AddRange([("number", "12345"), ("array", "[\"x\"]"), ("boolean", "true"), ("100k characters", "\"" + new string('x', 100_000) + "\""),
                    ("NUL", "\"a\\u0000b\""), ("control characters", "\"\\u0001\\u0007\\u001b\\u001f\\u007f\""), ("lone high surrogate", "\"x\\ud800\""),
                    ("lone low surrogate", "\"\\udc00x\""), ("empty", "\"\""),
                    ("C1 control", "\"\\u0085\\u009b\""), ("deep arrays", Deep(200))]);
                if (Format(schema) is "uuid")
                {
                    all.AddRange([("not a guid", "\"not-a-guid\""), ("empty guid", $"\"{Guid.Empty}\""), ("guid without dashes", $"\"{Guid.Empty:N}x\"")]);
                }
                else if (Format(schema) is "date-time")
                {
                    all.AddRange([("not a date", "\"yesterday\""), ("year 9999", "\"9999-12-31T23:59:59Z\""), ("year 1", "\"0001-01-01T00:00:00Z\""),
                        ("date without zone", "\"2026-11-02T09:00:00\""), ("month 13", "\"2026-13-02T09:00:00Z\"")]);
                }
            }

            var depth = field.Count(c => c == '.');
            var chosen = depth == 0 ? all : [.. all.OrderBy(_ => random.Next()).Take(depth == 1 ? 5 : 2)];
            foreach (var (name, raw) in chosen)
            {
                yield return (name, raw is null ? null : Raw(raw));
            }
        }

        private string Raw(string json)
        {
            _raw.Add(json);
            return RawMarker + (_raw.Count - 1).ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Puts the raw JSON text back where <see cref="Raw"/> left its marker (JsonNode cannot hold invalid or deep JSON).</summary>
        private string Unraw(string text) =>
            Regex.Replace(text, @"""\\u0001raw:(\d+)""", m => _raw[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]);

        private static bool Set(JsonNode node, string path, string? raw)
        {
            var parts = path.Split('.');
            foreach (var part in parts[..^1])
            {
                node = (int.TryParse(part, out var index) ? (node as JsonArray)?.ElementAtOrDefault(index) : (node as JsonObject)?[part])!;
                if (node is null)
                {
                    return false;
                }
            }

            if (node is not JsonObject parent)
            {
                return false;
            }

            if (raw is null)
            {
                parent.Remove(parts[^1]);
            }
            else
            {
                parent[parts[^1]] = raw;
            }

            return true;
        }
    }
}
