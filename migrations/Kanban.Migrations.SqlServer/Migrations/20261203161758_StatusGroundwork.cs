using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kanban.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StatusGroundwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ForecastWeeks",
                table: "Boards",
                type: "int",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<bool>(
                name: "LineStopSound",
                table: "Boards",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "StoppedRedPercent",
                table: "Boards",
                type: "int",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TargetDate",
                table: "Boards",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CardBlocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    BlockedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UnblockedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CardBlocks_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_CardBlocks_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatusNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ById = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatusNotes_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CardBlocks_BoardId_BlockedAt",
                table: "CardBlocks",
                columns: new[] { "BoardId", "BlockedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CardBlocks_CardId_BlockedAt",
                table: "CardBlocks",
                columns: new[] { "CardId", "BlockedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusNotes_BoardId_At",
                table: "StatusNotes",
                columns: new[] { "BoardId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CardBlocks");

            migrationBuilder.DropTable(
                name: "StatusNotes");

            migrationBuilder.DropColumn(
                name: "ForecastWeeks",
                table: "Boards");

            migrationBuilder.DropColumn(
                name: "LineStopSound",
                table: "Boards");

            migrationBuilder.DropColumn(
                name: "StoppedRedPercent",
                table: "Boards");

            migrationBuilder.DropColumn(
                name: "TargetDate",
                table: "Boards");
        }
    }
}
