using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jobsmith.Core.Notifications.Push;

namespace Jobsmith.Tests.Notifications;

/// <summary>
/// The browser's side of Web Push, written from the RFC text rather than taken from the sending library: a
/// subscription key pair and auth secret, decryption of an aes128gcm body (RFC 8188 + RFC 8291), and the check a
/// push service makes of the VAPID Authorization header (RFC 8292).
/// </summary>
internal sealed class PushReceiver : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);

    public byte[] PublicKey
    {
        get
        {
            var q = _key.ExportParameters(false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }
    }

    public PushSubscribeRequest Subscription(string endpoint) =>
        new(endpoint, new PushSubscriptionKeys(Base64Url.EncodeToString(PublicKey), Base64Url.EncodeToString(_auth)));

    /// <summary>RFC 8291 section 3.4 and RFC 8188 section 2: one record, ending in the 0x02 delimiter and zero padding.</summary>
    public string Decrypt(byte[] body)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        int idLength = body[20];
        var senderKey = body[21..(21 + idLength)];
        var records = body[(21 + idLength)..];
        Assert.Equal(65, idLength);
        Assert.True(records.Length <= recordSize, "one record expected for a small payload");

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderKey[1..33], Y = senderKey[33..] },
        });
        var ecdhSecret = _key.DeriveRawSecretAgreement(sender.PublicKey);
        byte[] keyInfo = [.. "WebPush: info"u8, 0x00, .. PublicKey, .. senderKey, 0x01];
        var ikm = HMACSHA256.HashData(HMACSHA256.HashData(_auth, ecdhSecret), keyInfo);
        var prk = HMACSHA256.HashData(salt, ikm);
        byte[] cekInfo = [.. "Content-Encoding: aes128gcm"u8, 0x00, 0x01];
        var cek = HMACSHA256.HashData(prk, cekInfo)[..16];
        byte[] nonceInfo = [.. "Content-Encoding: nonce"u8, 0x00, 0x01];
        var nonce = HMACSHA256.HashData(prk, nonceInfo)[..12];

        var plain = new byte[records.Length - 16];
        using (var gcm = new AesGcm(cek, 16))
            gcm.Decrypt(nonce, records[..^16], records[^16..], plain);
        var end = Array.LastIndexOf(plain, (byte)0x02);
        Assert.True(end >= 0 && plain[(end + 1)..].All(b => b == 0), "the last record ends with 0x02 and zero padding");
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public void Dispose() => _key.Dispose();

    /// <summary>The claims of a valid "vapid t=…, k=…" header; fails the test when the token or signature is not right.</summary>
    public static JsonElement VerifyVapid(string authorization, string expectedPublicKey)
    {
        Assert.StartsWith("vapid ", authorization, StringComparison.Ordinal);
        var parameters = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(expectedPublicKey, parameters["k"]);
        var parts = parameters["t"].Split('.');
        Assert.Equal(3, parts.Length);
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
        Assert.Equal("ES256", header.GetProperty("alg").GetString());

        var point = Base64Url.DecodeFromChars(parameters["k"]);
        using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..] } });
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        Assert.True(key.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            "the VAPID token's ES256 signature does not verify against the public key");
        return JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone();
    }
}
