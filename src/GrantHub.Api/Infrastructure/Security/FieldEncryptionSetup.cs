using System.Security.Cryptography;
using System.Text.Json;
using GrantHub.Core.Data;

namespace GrantHub.Api.Infrastructure.Security;

/// <summary>
/// The keys of <see cref="FieldCipher"/>, read from configuration, never from the database: <c>Encryption:Keys:&lt;id&gt;</c>
/// (base64, 32 bytes each; several while rotating), <c>Encryption:ActiveKey</c> (the id new values are encrypted with)
/// and <c>Encryption:LookupKey</c> (base64, 32 bytes, the HMAC key of the exact-name lookups; never rotated, since
/// every stored hash depends on it). Production refuses to start without them. Elsewhere, when none are configured,
/// a key file (<c>Encryption:KeyFile</c>, default <c>granthub.keys.json</c> beside the SQLite file) is created once,
/// readable by its owner only, so the embedded default encrypts too.
/// </summary>
public static class FieldEncryptionSetup
{
    public const string Section = "Encryption";
    public const string KeysSetting = "Encryption:Keys";
    public const string ActiveKeySetting = "Encryption:ActiveKey";
    public const string LookupKeySetting = "Encryption:LookupKey";
    public const string KeyFileSetting = "Encryption:KeyFile";
    public const string DefaultKeyFile = "granthub.keys.json";

    public static IServiceCollection AddGrantHubFieldEncryption(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(_ => Cipher(configuration, environment));
        return services;
    }

    /// <summary>The problem with the keys' settings in Production, or null.</summary>
    public static string? MissingSetting(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return null;
        }

        if (!configuration.GetSection(KeysSetting).GetChildren().Any() || string.IsNullOrWhiteSpace(configuration[ActiveKeySetting]) || string.IsNullOrWhiteSpace(configuration[LookupKeySetting]))
        {
            return $"{KeysSetting}:<id>, {ActiveKeySetting} and {LookupKeySetting} are missing: the keys (base64, 32 bytes each) that encrypt " +
                   "organisations' names, emergency justifications, finance comments and reports at rest; keep them in a secret store, never in the database.";
        }

        try
        {
            FromSettings(configuration);
            return null;
        }
        catch (Exception invalid) when (invalid is FormatException or ArgumentException)
        {
            return $"{Section} settings are invalid: {invalid.Message}";
        }
    }

    public static FieldCipher Cipher(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration.GetSection(KeysSetting).GetChildren().Any() || environment.IsProduction())
        {
            return FromSettings(configuration);
        }

        var keyFile = Path.GetFullPath(configuration[KeyFileSetting] ?? DefaultKeyFile);
        if (!File.Exists(keyFile))
        {
            CreateKeyFile(keyFile);
        }

        return FromSettings(new ConfigurationBuilder().AddJsonFile(keyFile, optional: false, reloadOnChange: false).Build());
    }

    /// <summary>A new set of keys in the settings' shape: what the key file holds, and what an operator puts in a secret store.</summary>
    public static Dictionary<string, object> NewKeys() => new()
    {
        [Section] = new Dictionary<string, object>
        {
            ["ActiveKey"] = "k1",
            ["Keys"] = new Dictionary<string, string> { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(FieldCipher.KeySizeBytes)) },
            ["LookupKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(FieldCipher.KeySizeBytes)),
        },
    };

    private static FieldCipher FromSettings(IConfiguration configuration)
    {
        var keys = configuration.GetSection(KeysSetting).GetChildren()
            .ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value ?? ""), StringComparer.Ordinal);
        return new FieldCipher(
            configuration[ActiveKeySetting] ?? throw new ArgumentException($"{ActiveKeySetting} is missing."),
            keys,
            Convert.FromBase64String(configuration[LookupKeySetting] ?? throw new ArgumentException($"{LookupKeySetting} is missing.")));
    }

    private static void CreateKeyFile(string keyFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new FileStream(keyFile, options);
            JsonSerializer.Serialize(file, NewKeys(), new JsonSerializerOptions { WriteIndented = true });
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            // Another host on the same machine created it first: use that one.
        }
    }
}
