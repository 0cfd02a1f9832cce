using System.Buffers.Text;
using System.Security.Cryptography;
using Jobsmith.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Notifications.Push;

/// <summary>A VAPID key pair in the form Lib.Net.Http.WebPush and browsers take: base64url without padding.</summary>
public sealed record VapidKeyPair(string PublicKey, string PrivateKey);

/// <summary>
/// Loads the install's VAPID key pair, making it on first use (P-256). Two nodes starting at once both try to insert
/// the one row; the loser reads the winner's, so every node signs with the key browsers subscribed with. The pair
/// is cached for the life of the process: it never changes once made.
/// </summary>
public sealed class VapidKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : IDisposable
{
    private readonly IDataProtector _protector = protection.CreateProtector("Jobsmith.Notifications.VapidPrivateKey");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private VapidKeyPair? _keys;

    public async Task<VapidKeyPair> GetAsync(CancellationToken cancellationToken)
    {
        if (_keys is { } keys) return keys;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _keys ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<VapidKeyPair> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.Set<VapidKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == VapidKey.SingletonId, cancellationToken);
        if (row is null)
        {
            var (publicKey, privateKey) = Generate();
            row = new VapidKey { PublicKey = publicKey, ProtectedPrivateKey = _protector.Protect(privateKey), CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // Another node made the pair first: theirs is the one, ours is thrown away unused.
                db.ChangeTracker.Clear();
                row = await db.Set<VapidKey>().AsNoTracking().SingleAsync(k => k.Id == VapidKey.SingletonId, cancellationToken);
            }
        }
        return new VapidKeyPair(row.PublicKey, _protector.Unprotect(row.ProtectedPrivateKey));
    }

    public void Dispose() => _gate.Dispose();

    internal static (string PublicKey, string PrivateKey) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        try
        {
            // The uncompressed point (0x04 || X || Y) is what PushManager.subscribe takes as applicationServerKey.
            byte[] point = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
            return (Base64Url.EncodeToString(point), Base64Url.EncodeToString(parameters.D!));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }
}
