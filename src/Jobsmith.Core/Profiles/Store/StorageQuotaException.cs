namespace Jobsmith.Core.Profiles.Store;

/// <summary>An upload that would take a candidate's stored resume files past their storage quota; nothing was stored.</summary>
public sealed class StorageQuotaException(long usedBytes, long uploadBytes, long quotaBytes)
    : Exception($"Your stored resumes use {Mb(usedBytes)} MB of {Mb(quotaBytes)} MB; this {Mb(uploadBytes)} MB file does not fit. An administrator can raise the quota (Jobsmith:ResumeImport:StorageQuotaBytes).")
{
    public long UsedBytes { get; } = usedBytes;

    public long QuotaBytes { get; } = quotaBytes;

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
