using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>
/// Migrations are written by hand and shared by both providers: column types come from each provider's
/// mapping of the CLR type; only identity columns and literal seed data need provider-specific words.
/// </summary>
internal static class MigrationProviders
{
    public static bool IsPostgres(this MigrationBuilder builder) =>
        builder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>An auto-incrementing integer key on either provider (each ignores the other's annotation).</summary>
    public static OperationBuilder<AddColumnOperation> AutoIncrement(this OperationBuilder<AddColumnOperation> column) =>
        column.Annotation("Sqlite:Autoincrement", true)
              .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    public static string TextType(this MigrationBuilder builder) => builder.IsPostgres() ? "text" : "TEXT";
}
