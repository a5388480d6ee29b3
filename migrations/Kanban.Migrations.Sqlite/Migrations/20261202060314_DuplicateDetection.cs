using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kanban.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DuplicateDetection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DuplicateWindowDays",
                table: "Boards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 180);

            migrationBuilder.CreateTable(
                name: "TicketVectors",
                columns: table => new
                {
                    CardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Vector = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EmbeddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketVectors", x => x.CardId);
                    table.ForeignKey(
                        name: "FK_TicketVectors_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activity_BoardId_Version",
                table: "Activity",
                columns: new[] { "BoardId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketVectors_BoardId_EmbeddedAt",
                table: "TicketVectors",
                columns: new[] { "BoardId", "EmbeddedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketVectors");

            migrationBuilder.DropIndex(
                name: "IX_Activity_BoardId_Version",
                table: "Activity");

            migrationBuilder.DropColumn(
                name: "DuplicateWindowDays",
                table: "Boards");
        }
    }
}
