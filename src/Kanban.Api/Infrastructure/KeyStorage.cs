using Kanban.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Kanban.Api.Infrastructure;

/// <summary>
/// The keys that protect sign-in cookies and bearer tokens, kept beside the data so a sign-in survives
/// a restart and works on every instance: with the embedded SQLite database in the data folder's
/// <c>keys/</c>; with a server database (PostgreSQL, SQL Server), which several instances share, in
/// its <c>DataProtectionKeys</c> table, so a token one instance issued is read by the others. They are stored unencrypted at rest: there
/// is no secret on this machine to encrypt them with that would not sit beside them. On Linux and
/// macOS the folder is created readable by the app's own account only. ASP.NET Core says so with a
/// warning ("No XML encryptor configured") whenever it writes a new key; that warning is left alone.
/// </summary>
public static class KeyStorage
{
    public static IServiceCollection AddKanbanKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Kanban");
        // Read from the configuration when first needed, as the database is.
        services.AddOptions<KeyManagementOptions>()
            .Configure<IConfiguration, IHostEnvironment, ILoggerFactory, IServiceProvider>((options, configuration, environment, logs, services) =>
                options.XmlRepository = DatabaseRegistration.ProviderOf(configuration) == DatabaseProvider.Sqlite
                    ? new FileSystemXmlRepository(KeyDirectory(configuration, environment), logs)
                    : new EntityFrameworkCoreXmlRepository<KanbanDbContext>(services, logs));
        return services;
    }

    public static DirectoryInfo KeyDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = Path.Combine(DatabaseRegistration.DataDirectoryOf(configuration, environment), "keys");
        if (!Directory.Exists(path))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return new DirectoryInfo(path);
    }
}
