using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PartnerConsentFiscalHostAndOnwardTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PayeeOrganisationId",
                table: "GrantTranches",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SplitOf",
                table: "GrantTranches",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FiscalHostFeeBasisPoints",
                table: "Grants",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FiscalHostOrganisationId",
                table: "Grants",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PaysMembersDirectly",
                table: "Grants",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FiscalHostAnsweredAt",
                table: "Applications",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiscalHostConsent",
                table: "Applications",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FiscalHostFeeBasisPoints",
                table: "Applications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FiscalHostOrganisationId",
                table: "Applications",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConfirmationResetAt",
                table: "ApplicationMembers",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmationResetBy",
                table: "ApplicationMembers",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "GrantOnwardTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GrantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TrancheNumber = table.Column<int>(type: "int", nullable: false),
                    PartnerOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TransferredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AnsweredBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DisputeReason = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Currency = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantOnwardTransfers", x => x.Id);
                    table.CheckConstraint("CK_GrantOnwardTransfers_AmountPositive", "\"Amount\" > 0");
                    table.ForeignKey(
                        name: "FK_GrantOnwardTransfers_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantOnwardTransfers_Organisations_PartnerOrganisationId",
                        column: x => x.PartnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GrantTranches_PayeeOrganisationId",
                table: "GrantTranches",
                column: "PayeeOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_FiscalHostOrganisationId",
                table: "Grants",
                column: "FiscalHostOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_FiscalHostOrganisationId",
                table: "Applications",
                column: "FiscalHostOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantOnwardTransfers_GrantId_TrancheNumber_PartnerOrganisationId",
                table: "GrantOnwardTransfers",
                columns: new[] { "GrantId", "TrancheNumber", "PartnerOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_GrantOnwardTransfers_PartnerOrganisationId",
                table: "GrantOnwardTransfers",
                column: "PartnerOrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_Applications_Organisations_FiscalHostOrganisationId",
                table: "Applications",
                column: "FiscalHostOrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Grants_Organisations_FiscalHostOrganisationId",
                table: "Grants",
                column: "FiscalHostOrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_GrantTranches_Organisations_PayeeOrganisationId",
                table: "GrantTranches",
                column: "PayeeOrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Applications_Organisations_FiscalHostOrganisationId",
                table: "Applications");

            migrationBuilder.DropForeignKey(
                name: "FK_Grants_Organisations_FiscalHostOrganisationId",
                table: "Grants");

            migrationBuilder.DropForeignKey(
                name: "FK_GrantTranches_Organisations_PayeeOrganisationId",
                table: "GrantTranches");

            migrationBuilder.DropTable(
                name: "GrantOnwardTransfers");

            migrationBuilder.DropIndex(
                name: "IX_GrantTranches_PayeeOrganisationId",
                table: "GrantTranches");

            migrationBuilder.DropIndex(
                name: "IX_Grants_FiscalHostOrganisationId",
                table: "Grants");

            migrationBuilder.DropIndex(
                name: "IX_Applications_FiscalHostOrganisationId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PayeeOrganisationId",
                table: "GrantTranches");

            migrationBuilder.DropColumn(
                name: "SplitOf",
                table: "GrantTranches");

            migrationBuilder.DropColumn(
                name: "FiscalHostFeeBasisPoints",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "FiscalHostOrganisationId",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "PaysMembersDirectly",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "FiscalHostAnsweredAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "FiscalHostConsent",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "FiscalHostFeeBasisPoints",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "FiscalHostOrganisationId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ConfirmationResetAt",
                table: "ApplicationMembers");

            migrationBuilder.DropColumn(
                name: "ConfirmationResetBy",
                table: "ApplicationMembers");
        }
    }
}
