using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EverySignatureAndPaymentAsReceived : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<decimal>(
                name: "ExchangeRate",
                table: "GrantTranches",
                type: "TEXT",
                precision: 18,
                scale: 8,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReceivedAmount",
                table: "GrantTranches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedCurrency",
                table: "GrantTranches",
                type: "TEXT",
                fixedLength: true,
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValueDate",
                table: "GrantTranches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExchangeRate",
                table: "EmergencyRequests",
                type: "TEXT",
                precision: 18,
                scale: 8,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReceivedAmount",
                table: "EmergencyRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedCurrency",
                table: "EmergencyRequests",
                type: "TEXT",
                fixedLength: true,
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValueDate",
                table: "EmergencyRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GrantAgreementSignatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantAgreementSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantAgreementSignatures_GrantAgreementVersions_GrantId_Version",
                        columns: x => new { x.GrantId, x.Version },
                        principalTable: "GrantAgreementVersions",
                        principalColumns: new[] { "GrantId", "Version" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GrantAgreementSignatures_GrantId_Version_Party_OrganisationId",
                table: "GrantAgreementSignatures",
                columns: new[] { "GrantId", "Version", "Party", "OrganisationId" });

            // A version signed before every party signed was signed by an owner of the lead alone: keep that signature.
            migrationBuilder.Sql(
                """
                INSERT INTO [GrantAgreementSignatures] ([GrantId], [Version], [Party], [OrganisationId], [SignedBy], [SignedAt])
                SELECT [v].[GrantId], [v].[Version], 'Lead', [g].[LeadOrganisationId], [v].[SignedBy], [v].[SignedAt]
                FROM [GrantAgreementVersions] AS [v] INNER JOIN [Grants] AS [g] ON [g].[Id] = [v].[GrantId]
                WHERE [v].[SignedAt] IS NOT NULL AND [v].[SignedBy] IS NOT NULL
                """);

            migrationBuilder.DropColumn(
                name: "SignedBy",
                table: "GrantAgreementVersions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GrantAgreementSignatures");

            migrationBuilder.DropColumn(
                name: "ExchangeRate",
                table: "GrantTranches");

            migrationBuilder.DropColumn(
                name: "ReceivedAmount",
                table: "GrantTranches");

            migrationBuilder.DropColumn(
                name: "ReceivedCurrency",
                table: "GrantTranches");

            migrationBuilder.DropColumn(
                name: "ValueDate",
                table: "GrantTranches");

            migrationBuilder.DropColumn(
                name: "ExchangeRate",
                table: "EmergencyRequests");

            migrationBuilder.DropColumn(
                name: "ReceivedAmount",
                table: "EmergencyRequests");

            migrationBuilder.DropColumn(
                name: "ReceivedCurrency",
                table: "EmergencyRequests");

            migrationBuilder.DropColumn(
                name: "ValueDate",
                table: "EmergencyRequests");

            migrationBuilder.AddColumn<Guid>(
                name: "SignedBy",
                table: "GrantAgreementVersions",
                type: "TEXT",
                nullable: true);
        }
    }
}
