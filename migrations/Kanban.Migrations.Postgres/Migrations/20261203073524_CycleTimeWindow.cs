using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kanban.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CycleTimeWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CycleTimeWindowDays",
                table: "Boards",
                type: "integer",
                nullable: false,
                defaultValue: 90);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CycleTimeWindowDays",
                table: "Boards");
        }
    }
}
