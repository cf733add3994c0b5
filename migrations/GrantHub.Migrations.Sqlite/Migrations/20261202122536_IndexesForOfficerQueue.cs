using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndexesForOfficerQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Calls_Status_ClosedAt",
                table: "Calls",
                columns: new[] { "Status", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_SubmittedAt",
                table: "Applications",
                columns: new[] { "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Calls_Status_ClosedAt",
                table: "Calls");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_SubmittedAt",
                table: "Applications");
        }
    }
}
