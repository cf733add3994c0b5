using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FinanceQueueCountsFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GrantTranches_Status_PlannedDate",
                table: "GrantTranches");

            migrationBuilder.CreateIndex(
                name: "IX_GrantTranches_Status_PlannedDate_Condition_AmendmentId_GrantId",
                table: "GrantTranches",
                columns: new[] { "Status", "PlannedDate", "Condition", "AmendmentId", "GrantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Id_Status",
                table: "Grants",
                columns: new[] { "Id", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GrantTranches_Status_PlannedDate_Condition_AmendmentId_GrantId",
                table: "GrantTranches");

            migrationBuilder.DropIndex(
                name: "IX_Grants_Id_Status",
                table: "Grants");

            migrationBuilder.CreateIndex(
                name: "IX_GrantTranches_Status_PlannedDate",
                table: "GrantTranches",
                columns: new[] { "Status", "PlannedDate" });
        }
    }
}
