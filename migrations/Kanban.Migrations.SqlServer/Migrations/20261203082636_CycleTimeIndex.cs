using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kanban.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CycleTimeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cards_LaneId_CompletedAt",
                table: "Cards",
                columns: new[] { "LaneId", "CompletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cards_LaneId_CompletedAt",
                table: "Cards");
        }
    }
}
