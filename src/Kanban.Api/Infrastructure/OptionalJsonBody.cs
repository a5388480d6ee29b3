using System.Text.Json;

namespace Kanban.Api.Infrastructure;

public static class OptionalJsonBody
{
    /// <summary>
    /// The request's JSON body, or null when it has none. Unreadable JSON is a 400, reported like the
    /// framework's own binding errors.
    /// </summary>
    public static async Task<T?> ReadOptionalJsonAsync<T>(this HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType() || request.ContentLength == 0)
        {
            return null;
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(ct);
        }
        catch (JsonException json)
        {
            throw new BadHttpRequestException($"Failed to read parameter \"{typeof(T).Name}\" from the request body as JSON.", StatusCodes.Status400BadRequest, json);
        }
    }
}
