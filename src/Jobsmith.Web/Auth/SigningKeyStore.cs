using System.Security.Cryptography;
using Jobsmith.Core.Hosting;

namespace Jobsmith.Web.Auth;

/// <summary>
/// Loads the JWT signing key, creating it on first start so a default install needs no secret set by hand,
/// and restarts keep issued tokens valid. The file is readable by its owner only.
/// </summary>
internal static class SigningKeyStore
{
    public static byte[] Load(JwtOptions jwt, JobsmithOptions jobsmith)
    {
        if (!string.IsNullOrWhiteSpace(jwt.SigningKey))
        {
            var configured = Convert.FromBase64String(jwt.SigningKey);
            if (configured.Length < 32) throw new InvalidOperationException("Jwt:SigningKey must be base64 of at least 32 bytes.");
            return configured;
        }

        var path = jobsmith.PathInData("keys", "jwt-signing.key");
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(64);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temp, path);
        }
        catch (IOException)
        {
            // Another process created it first; use theirs so every node signs with one key.
            File.Delete(temp);
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
