using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Jobsmith.Core.Jobs.Store;

/// <summary>
/// Where a page of the job list ended: (first seen, id) of its last posting, the list's sort key. The next page starts
/// strictly after it, so postings stored meanwhile neither repeat nor push rows out of the following pages.
/// Opaque to clients (base64url), so the key can change without changing the API.
/// </summary>
public readonly record struct PageCursor(DateTime FirstSeenAt, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{FirstSeenAt.Ticks.ToString(CultureInfo.InvariantCulture)}.{Id:N}"));

    public static bool TryDecode(string? text, out PageCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100) return false;
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text.Trim())).Split('.');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || !Guid.TryParseExact(parts[1], "N", out var id)) return false;
            cursor = new PageCursor(new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
