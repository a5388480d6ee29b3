using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kanban.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CardLastMovedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastMovedAt",
                table: "Cards",
                type: "datetimeoffset",
                nullable: true);

            // Cards already on the board last moved at their latest transition.
            migrationBuilder.Sql("""
                UPDATE c SET c.[LastMovedAt] = (SELECT MAX(t.[At]) FROM [CardTransitions] AS t WHERE t.[CardId] = c.[Id])
                FROM [Cards] AS c;
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
