using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StoreIdempotentResponseWithItsCommand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ResponseContentType",
                table: "IdempotencyRecords");

            migrationBuilder.DropColumn(
                name: "ResponseLocation",
                table: "IdempotencyRecords");

            migrationBuilder.DropColumn(
                name: "ResponseStatusCode",
                table: "IdempotencyRecords");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResponseContentType",
                table: "IdempotencyRecords",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponseLocation",
                table: "IdempotencyRecords",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResponseStatusCode",
                table: "IdempotencyRecords",
                type: "INTEGER",
                nullable: true);
        }
    }
}
