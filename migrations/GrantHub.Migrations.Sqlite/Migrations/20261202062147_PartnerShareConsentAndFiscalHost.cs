using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartnerShareConsentAndFiscalHost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FiscalHostFeeBasisPoints",
                table: "Grants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FiscalHostOrganisationId",
                table: "Grants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FiscalHostAnsweredAt",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiscalHostConsent",
                table: "Applications",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FiscalHostFeeBasisPoints",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FiscalHostOrganisationId",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConfirmationResetAt",
                table: "ApplicationMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmationResetBy",
                table: "ApplicationMembers",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_FiscalHostOrganisationId",
                table: "Grants",
                column: "FiscalHostOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_FiscalHostOrganisationId",
                table: "Applications",
                column: "FiscalHostOrganisationId");

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

            migrationBuilder.DropIndex(
                name: "IX_Grants_FiscalHostOrganisationId",
                table: "Grants");

            migrationBuilder.DropIndex(
                name: "IX_Applications_FiscalHostOrganisationId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "FiscalHostFeeBasisPoints",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "FiscalHostOrganisationId",
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
