using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.SqlServer.Migrations
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
                type: "decimal(18,8)",
                precision: 18,
                scale: 8,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReceivedAmount",
                table: "GrantTranches",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedCurrency",
                table: "GrantTranches",
                type: "nchar(3)",
                fixedLength: true,
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValueDate",
                table: "GrantTranches",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExchangeRate",
                table: "EmergencyRequests",
                type: "decimal(18,8)",
                precision: 18,
                scale: 8,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReceivedAmount",
                table: "EmergencyRequests",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedCurrency",
                table: "EmergencyRequests",
                type: "nchar(3)",
                fixedLength: true,
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValueDate",
                table: "EmergencyRequests",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GrantAgreementSignatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    GrantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Party = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SignedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                type: "uniqueidentifier",
                nullable: true);
        }
    }
}
