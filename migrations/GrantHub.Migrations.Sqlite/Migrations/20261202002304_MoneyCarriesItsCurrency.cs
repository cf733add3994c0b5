using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MoneyCarriesItsCurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "GrantTranches",
                type: "TEXT",
                fixedLength: true,
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "GrantReports",
                type: "TEXT",
                fixedLength: true,
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "GrantAmendments",
                type: "TEXT",
                fixedLength: true,
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "GrantAllocations",
                type: "TEXT",
                fixedLength: true,
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "FundTopUps",
                type: "TEXT",
                fixedLength: true,
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "Calls",
                type: "TEXT",
                fixedLength: true,
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "ApplicationBudgetLines",
                type: "TEXT",
                fixedLength: true,
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            // Every amount now carries its currency: rows written before take their parent's.
            migrationBuilder.Sql("UPDATE \"GrantTranches\" SET \"Currency\" = (SELECT \"p\".\"Currency\" FROM \"Grants\" AS \"p\" WHERE \"p\".\"Id\" = \"GrantTranches\".\"GrantId\");");
            migrationBuilder.Sql("UPDATE \"GrantReports\" SET \"Currency\" = (SELECT \"p\".\"Currency\" FROM \"Grants\" AS \"p\" WHERE \"p\".\"Id\" = \"GrantReports\".\"GrantId\");");
            migrationBuilder.Sql("UPDATE \"GrantAmendments\" SET \"Currency\" = (SELECT \"p\".\"Currency\" FROM \"Grants\" AS \"p\" WHERE \"p\".\"Id\" = \"GrantAmendments\".\"GrantId\");");
            migrationBuilder.Sql("UPDATE \"GrantAllocations\" SET \"Currency\" = (SELECT \"p\".\"Currency\" FROM \"Grants\" AS \"p\" WHERE \"p\".\"Id\" = \"GrantAllocations\".\"GrantId\");");
            migrationBuilder.Sql("UPDATE \"FundTopUps\" SET \"Currency\" = (SELECT \"p\".\"Currency\" FROM \"Funds\" AS \"p\" WHERE \"p\".\"Id\" = \"FundTopUps\".\"FundId\");");
            migrationBuilder.Sql("UPDATE \"Calls\" SET \"Currency\" = (SELECT \"p\".\"Currency\" FROM \"Funds\" AS \"p\" WHERE \"p\".\"Id\" = \"Calls\".\"FundId\");");
            migrationBuilder.Sql("UPDATE \"ApplicationBudgetLines\" SET \"Currency\" = (SELECT \"p\".\"Currency\" FROM \"Applications\" AS \"p\" WHERE \"p\".\"Id\" = \"ApplicationBudgetLines\".\"ApplicationId\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Currency",
                table: "GrantTranches");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "GrantReports");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "GrantAmendments");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "GrantAllocations");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "FundTopUps");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "ApplicationBudgetLines");
        }
    }
}
