using Microsoft.AspNetCore.Identity;

namespace Jobsmith.Core.Accounts;

public sealed class JobsmithUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>IANA time zone id; weekly reports and reminders are scheduled in it.</summary>
    public string TimeZone { get; set; } = "UTC";
}
