namespace Kanban.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}
