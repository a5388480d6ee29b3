using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Kanban.Api.Infrastructure;

/// <summary>
/// The keys that protect sign-in cookies and bearer tokens, kept in the data folder's <c>keys/</c>
/// beside the database, so a sign-in survives a restart. They are stored unencrypted at rest: there
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
            .Configure<IConfiguration, IHostEnvironment, ILoggerFactory>((options, configuration, environment, logs) =>
                options.XmlRepository = new FileSystemXmlRepository(KeyDirectory(configuration, environment), logs));
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
