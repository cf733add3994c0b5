using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GrantHub.Api.Infrastructure.Pipeline;

/// <summary>Marks a command property that must never be written to the audit trail or logs.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SensitiveDataAttribute : Attribute;

public static class AuditPayload
{
    public const string Redacted = "[redacted]";

    private static readonly string[] SecretNameParts = ["password", "token", "secret"];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RedactSensitiveProperties } },
    };

    public static string Serialize(object message)
    {
        return JsonSerializer.Serialize(message, message.GetType(), Options);
    }

    private static void RedactSensitiveProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var constructorParameters = typeInfo.Type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Where(p => p.IsDefined(typeof(SensitiveDataAttribute), inherit: false))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var property in typeInfo.Properties)
        {
            var name = property.Name;
            var sensitive = constructorParameters.Contains(name)
                || property.AttributeProvider?.IsDefined(typeof(SensitiveDataAttribute), inherit: false) == true
                || SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));
            if (!sensitive)
            {
                continue;
            }

            if (property.PropertyType == typeof(string))
            {
                property.Get = _ => Redacted;
            }
            else
            {
                property.ShouldSerialize = (_, _) => false;
            }
        }
    }
}
