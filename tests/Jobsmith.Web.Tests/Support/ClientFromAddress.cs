using System.Net;
using System.Net.Sockets;

namespace Jobsmith.Web.Tests.Support;

public static class ClientFromAddress
{
    /// <summary>
    /// A client whose connections leave from another loopback address (127.0.0.0/8 is all local on Linux), so the
    /// server sees a second client IP over a real socket.
    /// </summary>
    public static HttpClient Create(Uri baseAddress, IPAddress source) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = baseAddress };
}
