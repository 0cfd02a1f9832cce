using Jobsmith.Cli;

return await JobsmithCli.RunAsync(args);
