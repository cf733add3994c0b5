using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DescribeRubricCriteria : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Criteria written before descriptions existed get an empty one (EF would read a missing property as null).
            migrationBuilder.Sql("""
                UPDATE [Calls] SET [Rubric] = N'[' + (
                    SELECT STRING_AGG(JSON_MODIFY(criterion.[value], '$.Description', N''), N',') WITHIN GROUP (ORDER BY CAST(criterion.[key] AS int))
                    FROM OPENJSON([Calls].[Rubric]) AS criterion) + N']'
                WHERE EXISTS (
                    SELECT 1 FROM OPENJSON([Calls].[Rubric]) AS criterion
                    WHERE JSON_VALUE(criterion.[value], '$.Description') IS NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE [Calls] SET [Rubric] = N'[' + (
                    SELECT STRING_AGG(JSON_MODIFY(criterion.[value], '$.Description', NULL), N',') WITHIN GROUP (ORDER BY CAST(criterion.[key] AS int))
                    FROM OPENJSON([Calls].[Rubric]) AS criterion) + N']'
                WHERE EXISTS (SELECT 1 FROM OPENJSON([Calls].[Rubric]));
                """);
        }
    }
}
