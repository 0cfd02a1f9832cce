using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Jobsmith.Core.Jobs.Fetching;

/// <summary>
/// Which resolved addresses a job fetch may connect to. Anything internal (private, loopback, link-local,
/// carrier-grade NAT, unique-local, multicast, unspecified) is refused so a posting or user-supplied URL
/// can't make the server probe its own network (SSRF), including cloud metadata at 169.254.169.254; so are the
/// documentation, benchmarking and shared ranges, broadcast, and every address of this host's own interfaces.
/// </summary>
public static class AddressPolicy
{
    // The host's addresses rarely change while it runs; read once, they also cover a public address of this machine.
    private static readonly Lazy<HashSet<IPAddress>> OwnAddresses = new(ReadOwnAddresses);

    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return allowLoopback;
        if (OwnAddresses.Value.Contains(address)) return false;
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0 || b[0] == 10 || b[0] == 127
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)      // IETF assignments, TEST-NET-1
        || (b[0] == 198 && b[1] is 18 or 19)                  // benchmarking
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)         // TEST-NET-2
        || (b[0] == 203 && b[1] == 0 && b[2] == 113)          // TEST-NET-3
        || b[0] >= 224);                                      // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast)
            return false;
        var b = address.GetAddressBytes();
        if ((b[0] & 0xFE) == 0xFC) return false; // fc00::/7 unique local
        if (address.IsIPv6Teredo || (b[0] == 0x20 && b[1] == 0x02)) return false; // tunnels can embed private IPv4
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B) return false; // 64:ff9b:: NAT64 of any IPv4
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return false; // 2001:db8::/32 documentation
        if (b[0] == 0x01 && b[1] == 0x00 && b.Skip(2).Take(6).All(x => x == 0)) return false; // 100::/64 discard
        if (b.Take(12).All(x => x == 0)) return false; // ::/96 (unspecified and IPv4-compatible)
        return true;
    }

    private static HashSet<IPAddress> ReadOwnAddresses()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Select(u => u.Address.IsIPv4MappedToIPv6 ? u.Address.MapToIPv4() : u.Address)
                .Where(a => !IPAddress.IsLoopback(a))
                .ToHashSet();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
