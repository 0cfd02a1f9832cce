using Jobsmith.Cli;
using Jobsmith.Core.Hosting;

PrivateFiles.RestrictNewFiles();

return await JobsmithCli.RunAsync(args);
