using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Jobsmith.Tests.Inbox;

/// <summary>
/// A loopback TCP relay in front of the real IMAP server that cuts the connection when the client asks for its
/// <c>dropAtFetch</c>-th message, as a server or network failing mid-fetch would.
/// </summary>
internal sealed class DroppingImapProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _server;
    private readonly int _dropAtFetch;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public DroppingImapProxy(IPEndPoint server, int dropAtFetch)
    {
        _server = server;
        _dropAtFetch = dropAtFetch;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        await server.ConnectAsync(_server);
        var fetches = 0;
        var up = Pump(client.GetStream(), server.GetStream(), chunk =>
        {
            fetches += Count(Encoding.ASCII.GetString(chunk), "UID FETCH");
            return fetches < _dropAtFetch;
        });
        var down = Pump(server.GetStream(), client.GetStream(), _ => true);
        await Task.WhenAny(up, down);
        client.Client.Close();
        server.Client.Close();
    }

    private static async Task Pump(NetworkStream from, NetworkStream to, Func<byte[], bool> pass)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                var chunk = buffer[..read];
                if (!pass(chunk)) return;
                await to.WriteAsync(chunk);
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
