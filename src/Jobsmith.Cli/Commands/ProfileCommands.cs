using System.CommandLine;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Import;

namespace Jobsmith.Cli.Commands;

internal static class ProfileCommands
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A resume: .pdf, .docx, .txt, .md or JSON Resume .json" };
        var parse = new Command("parse", "Parse a resume into a profile (contact, experience, education, skills, completeness)") { file };
        parse.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            var path = result.GetValue(file)!;
            try
            {
                // Parsing needs no database: it runs without building the host, so it is fast for scripting.
                var resume = await new ProfileParser(TimeProvider.System).ParseFileAsync(path.FullName, ct);
                if (global.Json)
                {
                    Console.Out.WriteLine(ProfileJson.Serialize(resume));
                    return CliOutput.Ok;
                }
                Console.Out.WriteLine(ProfileSummary.Describe(resume));
                return CliOutput.Ok;
            }
            catch (ResumeImportException ex)
            {
                return CliOutput.Error(ex.Message);
            }
        });
        return new Command("profile", "Candidate profiles") { parse };
    }
}
