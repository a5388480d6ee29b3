using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Kanban.Data;

/// <summary>A unique index or key of the model: what the database refuses to hold twice.</summary>
public sealed record UniqueConstraint(string Table, string Name, IReadOnlyList<string> Columns, IEntityType EntityType, IReadOnlyList<IProperty> Properties, bool IsPrimaryKey)
{
    /// <summary>The entity's property names, e.g. <c>Board.Key</c> or <c>BoardMember.BoardId+UserId</c>.</summary>
    public string Description => $"{EntityType.ClrType.Name}.{string.Join('+', Properties.Select(p => p.Name))}";
}

/// <summary>A save the database refused because a unique value was already taken.</summary>
/// <param name="Constraint">The constraint, when the provider's error names one of the model.</param>
/// <param name="Entry">The entry being saved into it, when only one of the save fits.</param>
public sealed record UniqueConstraintViolation(UniqueConstraint? Constraint, EntityEntry? Entry);

public static class UniqueConstraints
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const string PostgresUniqueViolation = "23505";
    private const int SqlServerDuplicateKeyRow = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <summary>Every unique index, primary key and alternate key of the tables the model maps.</summary>
    public static IReadOnlyList<UniqueConstraint> Of(IModel model)
    {
        var found = new List<UniqueConstraint>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            foreach (var index in table.Indexes.Where(i => i.IsUnique))
            {
                var mapped = index.MappedIndexes.First();
                found.Add(new(table.Name, index.Name, [.. index.Columns.Select(c => c.Name)], (IEntityType)mapped.DeclaringEntityType, [.. mapped.Properties.Cast<IProperty>()], false));
            }

            foreach (var unique in table.UniqueConstraints)
            {
                var key = unique.MappedKeys.OrderBy(k => k.DeclaringEntityType.IsOwned()).First();
                found.Add(new(table.Name, unique.Name, [.. unique.Columns.Select(c => c.Name)], (IEntityType)key.DeclaringEntityType, [.. key.Properties.Cast<IProperty>()], key.IsPrimaryKey()));
            }
        }

        return found;
    }

    /// <summary>
    /// The unique violation behind <paramref name="exception"/>, told by the provider's error code;
    /// null for any other failure. Which constraint is found from the error's constraint name
    /// (PostgreSQL, SQL Server) or the columns SQLite lists.
    /// </summary>
    public static UniqueConstraintViolation? Find(DbUpdateException exception)
    {
        if (!IsUniqueViolation(exception.InnerException))
        {
            return null;
        }

        Func<UniqueConstraint, bool>? matches = exception.InnerException switch
        {
            SqliteException e => SqliteColumns(e.Message) is { } columns
                ? c => c.Columns.Select(column => $"{c.Table}.{column}").Order(StringComparer.Ordinal).SequenceEqual(columns.Order(StringComparer.Ordinal))
                : null,
            PostgresException e => c => c.Name == e.ConstraintName,
            SqlException e => SqlServerConstraintName(e.Message) is { } name ? c => c.Name == name : null,
            _ => null,
        };
        var model = exception.Entries.FirstOrDefault()?.Context.Model;
        var constraint = model is null || matches is null ? null : Of(model).FirstOrDefault(matches);
        var candidates = constraint is null
            ? []
            : exception.Entries.Where(e => e.State is EntityState.Added or EntityState.Modified && constraint.EntityType.IsAssignableFrom(e.Metadata)).ToList();
        return new UniqueConstraintViolation(constraint, candidates.Count == 1 ? candidates[0] : null);
    }

    private static bool IsUniqueViolation(Exception? inner) => inner switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } => true,
        PostgresException { SqlState: PostgresUniqueViolation } => true,
        SqlException { Number: SqlServerDuplicateKeyRow or SqlServerUniqueConstraint } => true,
        _ => false,
    };

    /// <summary>"SQLite Error 19: 'UNIQUE constraint failed: Boards.Key'." gives <c>Boards.Key</c>.</summary>
    private static string[]? SqliteColumns(string message)
    {
        const string marker = "constraint failed: ";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var rest = message[(start + marker.Length)..];
        var end = rest.IndexOf('\'', StringComparison.Ordinal);
        return (end < 0 ? rest : rest[..end]).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>"... with unique index 'IX_Boards_Key'." or "Violation of PRIMARY KEY constraint 'PK_BoardMembers'." gives the name.</summary>
    private static string? SqlServerConstraintName(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var marker = message.IndexOf(" index '", StringComparison.Ordinal);
        if (marker >= 0)
        {
            start = marker + " index ".Length;
        }

        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end < 0 ? null : message[(start + 1)..end];
    }
}
