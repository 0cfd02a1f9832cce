using System.Net;
using Jobsmith.Core.Accounts;
using Jobsmith.Core.Inbox;
using Microsoft.Extensions.Options;

namespace Jobsmith.Tests.Inbox;

/// <summary>
/// G2 / R4: the mailbox a candidate names is dialled only at a public address unless the install allows local mail
/// servers, and never without encryption off this machine; a phone is kept in E.164 (G3).
/// </summary>
public sealed class MailboxConnectTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.10")]
    [InlineData("169.254.169.254")]
    [InlineData("::1")]
    public async Task Local_and_private_servers_are_refused_before_any_connection(string host)
    {
        var connector = new ImapConnector(Options.Create(new InboxOptions()));
        var refused = await Assert.ThrowsAsync<MailboxAddressException>(() => connector.OpenAsync(host, 993, ImapSecurity.Ssl, "me", "secret", CancellationToken.None));
        Assert.Contains("private, local or reserved", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_text_is_refused_to_anything_but_loopback_even_where_local_servers_are_allowed()
    {
        var connector = new ImapConnector(Options.Create(new InboxOptions { AllowLocalMailServers = true }));
        var refused = await Assert.ThrowsAsync<MailboxAddressException>(() => connector.OpenAsync("10.1.2.3", 143, ImapSecurity.None, "me", "secret", CancellationToken.None));
        Assert.Contains("without encryption", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_local_port_is_a_connection_error_not_a_hang()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var connector = new ImapConnector(Options.Create(new InboxOptions { AllowLocalMailServers = true }));
        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => connector.OpenAsync("127.0.0.1", port, ImapSecurity.None, "me", "secret", CancellationToken.None));
    }

    [Theory]
    [InlineData("+49 151 2345 6789", "+4915123456789")]
    [InlineData("0049 (151) 2345-6789", "+4915123456789")]
    [InlineData("+1 415.555.0137", "+14155550137")]
    [InlineData("0151 2345 6789", null)]
    [InlineData("+0 123 456 789", null)]
    [InlineData("+49 151 2345 6789 1234 5678", null)]
    [InlineData("call me", null)]
    public void Phones_are_kept_in_e164_or_refused(string typed, string? expected) => Assert.Equal(expected, PhoneNumbers.Normalize(typed));

    [Fact]
    public void A_masked_phone_shows_only_its_ends() => Assert.Equal("+49••••••••789", PhoneNumbers.Masked("+4915123456789"));
}
