using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kanban.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Triage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DuplicateOfId",
                table: "Cards",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LikelyDuplicateOfId",
                table: "Cards",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmittedBy",
                table: "Cards",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TicketComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketComments_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_TicketComments_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cards_BoardId_State_LaneId",
                table: "Cards",
                columns: new[] { "BoardId", "State", "LaneId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cards_DuplicateOfId",
                table: "Cards",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Cards_LikelyDuplicateOfId",
                table: "Cards",
                column: "LikelyDuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Activity_CardId_Version",
                table: "Activity",
                columns: new[] { "CardId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketComments_BoardId",
                table: "TicketComments",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketComments_CardId_At",
                table: "TicketComments",
                columns: new[] { "CardId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketComments");

            migrationBuilder.DropIndex(
                name: "IX_Cards_BoardId_State_LaneId",
                table: "Cards");

            migrationBuilder.DropIndex(
                name: "IX_Cards_DuplicateOfId",
                table: "Cards");

            migrationBuilder.DropIndex(
                name: "IX_Cards_LikelyDuplicateOfId",
                table: "Cards");

            migrationBuilder.DropIndex(
                name: "IX_Activity_CardId_Version",
                table: "Activity");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "Cards");

            migrationBuilder.DropColumn(
                name: "LikelyDuplicateOfId",
                table: "Cards");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "Cards");
        }
    }
}
