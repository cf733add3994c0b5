using System.Linq.Expressions;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Data;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GrantHub.Tests.Operations;

/// <summary>
/// The list columns (countries, pillars, target groups) are read by one shared JSON reader each, and store the same JSON
/// as EF Core's own reader did, so rows written before still read.
/// </summary>
public class PrimitiveCollectionJsonTests
{
    private static GrantHubDbContext Context()
    {
        var options = new DbContextOptionsBuilder<GrantHubDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        return new GrantHubDbContext(options.UseFieldCipher(GrantHubFactory.TestCipher()).Options);
    }

    private static IEnumerable<IProperty> ListColumns(GrantHubDbContext db) =>
        db.Model.GetEntityTypes().SelectMany(entity => entity.GetProperties()).Where(property => property.IsPrimitiveCollection);

    [Fact]
    public void Reading_a_list_column_constructs_no_reader_per_row()
    {
        using var db = Context();

        var columns = ListColumns(db).ToList();

        Assert.Equal(5, columns.Count);
        Assert.All(columns, column =>
        {
            var read = column.GetTypeMapping().Converter!.ConvertFromProviderExpression;
            Assert.False(Constructs(read), $"{column.DeclaringType.ClrType.Name}.{column.Name} builds its JSON reader on every row: {read}");
        });
    }

    [Theory]
    [InlineData(typeof(Application), nameof(Application.Countries), "[\"KE\",\"UG\"]")]
    [InlineData(typeof(Application), nameof(Application.Pillars), "[\"Protection\",\"ReliefAndRecovery\"]")]
    [InlineData(typeof(Application), nameof(Application.TargetGroups), "[\"RuralWomen\",\"DisplacedWomen\"]")]
    [InlineData(typeof(Call), nameof(Call.EligibleCountries), "[\"KE\",\"UG\"]")]
    [InlineData(typeof(Call), nameof(Call.Pillars), "[\"Protection\",\"ReliefAndRecovery\"]")]
    public void A_list_is_stored_as_the_json_array_it_always_was(Type entity, string column, string json)
    {
        using var db = Context();
        var converter = db.Model.FindEntityType(entity)!.FindProperty(column)!.GetTypeMapping().Converter!;

        var read = converter.ConvertFromProvider(json)!;

        Assert.Equal(json, converter.ConvertToProvider(read));
        Assert.Equal(2, ((System.Collections.ICollection)read).Count);
    }

    private static bool Constructs(Expression expression)
    {
        var finder = new ConstructionFinder();
        finder.Visit(expression);
        return finder.Found;
    }

    private sealed class ConstructionFinder : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitNew(NewExpression node)
        {
            Found = true;
            return base.VisitNew(node);
        }
    }
}
