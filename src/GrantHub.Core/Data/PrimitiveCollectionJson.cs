using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GrantHub.Core.Data;

/// <summary>
/// The lists kept in one JSON column (an application's countries, pillars and target groups, a call's eligible countries
/// and pillars), read and written by one shared reader each. EF Core 10 reads such a column through a converter that
/// constructs EF's reader anew for every row it reads, and every construction looks up a constructor by reflection:
/// a tenth of the processor time of a call's applications table. The JSON is EF's own: an array of strings, enum
/// values by name.
/// </summary>
internal static class PrimitiveCollectionJson
{
    public static PrimitiveCollectionBuilder<List<string>> StoredAsJsonStrings(this PrimitiveCollectionBuilder<List<string>> builder)
    {
        builder.Metadata.SetJsonValueReaderWriterType(typeof(JsonStringList));
        return builder;
    }

    public static PrimitiveCollectionBuilder<List<TEnum>> StoredAsJsonNames<TEnum>(this PrimitiveCollectionBuilder<List<TEnum>> builder)
        where TEnum : struct, Enum
    {
        builder.ElementType(element => element.HasConversion<string>());
        builder.Metadata.SetJsonValueReaderWriterType(typeof(JsonEnumNameList<TEnum>));
        return builder;
    }

    private static Expression SharedInstance(Type readerType) =>
        Expression.Property(null, readerType.GetProperty("Instance")!);

    internal sealed class JsonStringList : JsonCollectionOfReferencesReaderWriter<List<string>, string>
    {
        private JsonStringList()
            : base(JsonStringReaderWriter.Instance)
        {
        }

        public static JsonStringList Instance { get; } = new();

        public override Expression ConstructorExpression => SharedInstance(typeof(JsonStringList));
    }

    internal sealed class JsonEnumNameList<TEnum> : JsonCollectionOfStructsReaderWriter<List<TEnum>, TEnum>
        where TEnum : struct, Enum
    {
        private JsonEnumNameList()
            : base(new JsonConvertedValueReaderWriter<TEnum, string>(JsonStringReaderWriter.Instance, new EnumToStringConverter<TEnum>()))
        {
        }

        public static JsonEnumNameList<TEnum> Instance { get; } = new();

        public override Expression ConstructorExpression => SharedInstance(typeof(JsonEnumNameList<TEnum>));
    }
}
