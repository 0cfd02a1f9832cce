namespace Jobsmith.Core.Hosting;

public static class JobsmithConfiguration
{
    /// <summary>Environment variables with this prefix configure every host: JOBSMITH__Database__Provider=postgres.</summary>
    public const string EnvironmentPrefix = "JOBSMITH__";
}
