using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kanban.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CardLastMovedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastMovedAt",
                table: "Cards",
                type: "INTEGER",
                nullable: true);

            // Cards already on the board last moved at their latest transition. Times are stored as
            // EF Core's binary DateTimeOffset (local ticks / 1000 shifted left 11 bits, the offset in
            // minutes in the low 11 bits), so the latest is found by the UTC instant, not the number.
            migrationBuilder.Sql("""
                UPDATE "Cards" SET "LastMovedAt" = (
                    SELECT t."At" FROM "CardTransitions" AS t
                    WHERE t."CardId" = "Cards"."Id"
                    ORDER BY (t."At" >> 11) - ((t."At" & 2047) - ((t."At" & 1024) * 2)) * 600000 DESC
                    LIMIT 1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastMovedAt",
                table: "Cards");
        }
    }
}
