namespace Kanban.Api.Infrastructure;

public sealed class NotFoundException(string what, Guid id)
    : Exception($"{what} {id} does not exist, or is not yours to see.");
