using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DescribeRubricCriteria : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Criteria written before descriptions existed get an empty one (EF would read a missing property as null).
            migrationBuilder.Sql("""
                UPDATE "Calls" SET "Rubric" = (
                    SELECT json_group_array(json_set(criterion.value, '$.Description', '') ORDER BY criterion.key)
                    FROM json_each("Calls"."Rubric") AS criterion)
                WHERE EXISTS (
                    SELECT 1 FROM json_each("Calls"."Rubric") AS criterion
                    WHERE json_type(criterion.value, '$.Description') IS NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Calls" SET "Rubric" = (
                    SELECT json_group_array(json_remove(criterion.value, '$.Description') ORDER BY criterion.key)
                    FROM json_each("Calls"."Rubric") AS criterion)
                WHERE json_array_length("Rubric") > 0;
                """);
        }
    }
}
