using System.CommandLine;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Import;
using Microsoft.Extensions.DependencyInjection;

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
                await using var services = CliHost.BuildParsing(global);
                var resume = await services.GetRequiredService<ProfileParser>().ParseFileAsync(path.FullName, ct);
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
