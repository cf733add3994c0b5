using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ConsortiumQuestionsReportFormsAndStoredFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FileId",
                table: "GrantReports",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Form",
                table: "GrantReports",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OralReportGivenOn",
                table: "GrantReports",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OtherDonorCoversFrom",
                table: "GrantReports",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OtherDonorCoversTo",
                table: "GrantReports",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherDonorName",
                table: "GrantReports",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WaivedAt",
                table: "GrantReports",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WaivedBy",
                table: "GrantReports",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WaiverReason",
                table: "GrantReports",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmergencyLightReports",
                columns: table => new
                {
                    EmergencyRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HowMoneyWasUsed = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    AnythingElse = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    SubmittedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyLightReports", x => x.EmergencyRequestId);
                    table.ForeignKey(
                        name: "FK_EmergencyLightReports_EmergencyRequests_EmergencyRequestId",
                        column: x => x.EmergencyRequestId,
                        principalTable: "EmergencyRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    OriginalName = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Question = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    AnswerBy = table.Column<DateOnly>(type: "date", nullable: false),
                    AskedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AskedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    AttachmentFileId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AnsweredBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationRequests_StoredFiles_AttachmentFileId",
                        column: x => x.AttachmentFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StoredFileContents",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFileContents", x => x.FileId);
                    table.ForeignKey(
                        name: "FK_StoredFileContents_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GrantReports_FileId",
                table: "GrantReports",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ApplicationId_AskedAt",
                table: "InformationRequests",
                columns: new[] { "ApplicationId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_AttachmentFileId",
                table: "InformationRequests",
                column: "AttachmentFileId");

            migrationBuilder.AddForeignKey(
                name: "FK_GrantReports_StoredFiles_FileId",
                table: "GrantReports",
                column: "FileId",
                principalTable: "StoredFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_GrantReports_StoredFiles_FileId",
                table: "GrantReports");

            migrationBuilder.DropTable(
                name: "EmergencyLightReports");

            migrationBuilder.DropTable(
                name: "InformationRequests");

            migrationBuilder.DropTable(
                name: "StoredFileContents");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropIndex(
                name: "IX_GrantReports_FileId",
                table: "GrantReports");

            migrationBuilder.DropColumn(
                name: "FileId",
                table: "GrantReports");

            migrationBuilder.DropColumn(
                name: "Form",
                table: "GrantReports");

            migrationBuilder.DropColumn(
                name: "OralReportGivenOn",
                table: "GrantReports");

            migrationBuilder.DropColumn(
                name: "OtherDonorCoversFrom",
                table: "GrantReports");

            migrationBuilder.DropColumn(
                name: "OtherDonorCoversTo",
                table: "GrantReports");

            migrationBuilder.DropColumn(
                name: "OtherDonorName",
                table: "GrantReports");

            migrationBuilder.DropColumn(
                name: "WaivedAt",
                table: "GrantReports");

            migrationBuilder.DropColumn(
                name: "WaivedBy",
                table: "GrantReports");

            migrationBuilder.DropColumn(
                name: "WaiverReason",
                table: "GrantReports");
        }
    }
}
