using Jobsmith.Core.Data;
using Jobsmith.Core.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Jobsmith.Core.Agents;

public static class AgentsServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with its persistent ADO store on the application database (SQLite embedded, PostgreSQL
    /// clustered). Only the <c>worker</c> and <c>all</c> roles start the scheduler; a <c>web</c> node still
    /// stores jobs into the shared tables for the workers to run.
    /// </summary>
    public static IServiceCollection AddAgents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentsOptions>().BindConfiguration(AgentsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EventPublisher>();
        services.AddScoped<AgentEventProcessor>();
        services.AddSingleton<PendingEvents>();
        services.AddScoped<AgentTaskQueries>();
        services.AddScoped<AgentTaskRecorder>();
        services.AddSingleton<EventDispatchNudge>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<EventDispatchNudge>());

        var jobsmith = configuration.GetSection(JobsmithOptions.Section).Get<JobsmithOptions>() ?? new JobsmithOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var agents = configuration.GetSection(AgentsOptions.Section).Get<AgentsOptions>() ?? new AgentsOptions();
        var schedulerName = configuration["Agents:SchedulerName"] is { Length: > 0 } name ? name : "jobsmith";
        var connection = DatabaseConnection.Resolve(database, jobsmith);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = schedulerName;
                s.GenerateInstanceId = true;
            });
            q.UseDefaultThreadPool(agents.MaxConcurrency);
            q.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProviders.Postgres)
                {
                    store.UsePostgres(connection);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                }
                else
                {
                    store.UseSqlite(connection);
                }
                store.UseSystemTextJsonSerializer(_ => { });
                store.ProvisionSchema();
            });
            q.ScheduleJob<EventDispatchJob>(
                trigger => trigger.WithIdentity("event-dispatch-sweep", "system")
                    .StartNow()
                    .WithSimpleSchedule(TimeSpan.FromSeconds(agents.DispatchIntervalSeconds)),
                job => job.WithIdentity(EventDispatchJob.Key).StoreDurably());
            // The feedback optimizer (D5) is a periodic system job too; it must live in this one Quartz configuration.
            q.ScheduleJob<Matching.Store.MatchOptimizerJob>(
                trigger => trigger.WithIdentity("match-optimizer-sweep", "system")
                    .StartNow()
                    .WithSimpleSchedule(Matching.Store.MatchOptimizerJob.Interval),
                job => job.WithIdentity(Matching.Store.MatchOptimizerJob.Key).StoreDurably());
            // The submission worker (F3, F8) sends queued applications that are due and recovers interrupted sends.
            var submissions = configuration.GetSection(Applications.Submission.SubmissionOptions.Section).Get<Applications.Submission.SubmissionOptions>()
                              ?? new Applications.Submission.SubmissionOptions();
            q.ScheduleJob<Applications.Submission.SubmissionWorkerJob>(
                trigger => trigger.WithIdentity("submission-worker-sweep", "system")
                    .StartNow()
                    .WithSimpleSchedule(Applications.Submission.SubmissionWorkerJob.Interval(submissions)),
                job => job.WithIdentity(Applications.Submission.SubmissionWorkerJob.Key).StoreDurably());
            // The IMAP poll of candidates' connected mailboxes (G2).
            var inbox = configuration.GetSection(Inbox.InboxOptions.Section).Get<Inbox.InboxOptions>() ?? new Inbox.InboxOptions();
            q.ScheduleJob<Inbox.InboxPollJob>(
                trigger => trigger.WithIdentity("inbox-poll-sweep", "system")
                    .StartNow()
                    .WithSimpleSchedule(TimeSpan.FromSeconds(Math.Max(30, inbox.PollIntervalSeconds))),
                job => job.WithIdentity(Inbox.InboxPollJob.Key).StoreDurably());
            // Plan expiry notices, period ends and local renewals (H1).
            q.ScheduleJob<Plans.PlanRenewalJob>(
                trigger => trigger.WithIdentity("plan-renewals-sweep", "system")
                    .StartNow()
                    .WithSimpleSchedule(Plans.PlanRenewalJob.Interval),
                job => job.WithIdentity(Plans.PlanRenewalJob.Key).StoreDurably());
            // Interview reminders, the day before and an hour before (G5).
            q.ScheduleJob<Interviews.InterviewReminderJob>(
                trigger => trigger.WithIdentity("interview-reminders-sweep", "system")
                    .StartNow()
                    .WithSimpleSchedule(Interviews.InterviewReminderJob.Interval),
                job => job.WithIdentity(Interviews.InterviewReminderJob.Key).StoreDurably());
            // Weekly reports, due Monday 09:00 in each candidate's time zone (G4).
            q.ScheduleJob<Reports.WeeklyReportJob>(
                trigger => trigger.WithIdentity("weekly-reports-sweep", "system")
                    .StartNow()
                    .WithSimpleSchedule(Reports.WeeklyReportJob.Interval),
                job => job.WithIdentity(Reports.WeeklyReportJob.Key).StoreDurably());
        });

        if (jobsmith.Role != ProcessRole.Web)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            // Background work belongs to worker processes; so does holding mailboxes in IMAP IDLE (G2).
            services.AddSingleton<Inbox.ImapIdleWatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<Inbox.ImapIdleWatcher>());
        }
        return services;
    }
}
