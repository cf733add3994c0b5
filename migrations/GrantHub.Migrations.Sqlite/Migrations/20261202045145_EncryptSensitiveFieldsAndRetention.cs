using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EncryptSensitiveFieldsAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameLookup",
                table: "Organisations",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PersonalDataErasedAt",
                table: "Grants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PersonalDataErasedAt",
                table: "EmergencyRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PersonalDataErasedAt",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NameLookup",
                table: "Organisations",
                column: "NameLookup");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_NameLookup",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "NameLookup",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "PersonalDataErasedAt",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "PersonalDataErasedAt",
                table: "EmergencyRequests");

            migrationBuilder.DropColumn(
                name: "PersonalDataErasedAt",
                table: "Applications");
        }
    }
}
