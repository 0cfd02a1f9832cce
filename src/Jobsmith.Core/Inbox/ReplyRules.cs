using System.Text.RegularExpressions;

namespace Jobsmith.Core.Inbox;

/// <summary>
/// The deterministic classifier (G2, the default with no AI provider): weighted phrases per category, read from the
/// subject and the sender's own text (quotes cut). Each phrase counts once. "Other" collects the signs of mail that
/// is not an answer to an application (newsletters, job alerts, recruiter outreach, auto-replies, bounces); when
/// those outweigh every answer, or no answer is clear enough, the email is "other". Ties go to the news a candidate
/// can least afford to miss: offer, then interview, then rejection, then confirmation.
/// </summary>
public static class ReplyRules
{
    /// <summary>The least evidence for an answer category; below it the email is "other".</summary>
    public const int Threshold = 2;

    private sealed record Rule(string Category, int Weight, Regex Pattern);

    private static readonly string[] TieOrder = [ReplyCategories.Offer, ReplyCategories.Interview, ReplyCategories.Rejection, ReplyCategories.Confirmation];

    private static readonly Rule[] Rules =
    [
        // Rejections: the many polite ways of saying no, and the role being gone.
        R(ReplyCategories.Rejection, 2, @"\bunfortunately\b|\bregrettably\b"),
        R(ReplyCategories.Rejection, 3, @"\b(regret|sorry) to (inform|tell|let you know|say|share)"),
        R(ReplyCategories.Rejection, 3, @"(\bnot|n't|\bno longer|\bunable to|\bcannot)\b[^.!?]{0,40}?\b(mov(e|ing) (forward|ahead)|proceed|progress|continu|advanc|tak(e|ing)\b[^.!?]{0,30}\bfurther|consider\w*\b[^.!?]{0,30}\b(application|candidacy)|offer(ing)? you|invit|shortlist|select|be (able to )?continu)"),
        R(ReplyCategories.Rejection, 3, @"\b(decided|chosen|chose|opted|elected|decision)\b[^.!?]{0,20}\bto (move (forward|ahead)|proceed|pursue|go|continue|extend an offer|offer the (position|role))\b[^.!?]{0,40}\b(other|another|different|someone)"),
        R(ReplyCategories.Rejection, 3, @"\b(went|go|going|gone) with (someone|another|other|a different)"),
        R(ReplyCategories.Rejection, 3, @"\b(position|role|vacancy|opening)\b[^.!?]{0,30}\b(has|have|was|is)( now)?( been)? (filled|closed|put on hold|cancell?ed)|\bfilled the [^.!?]{0,40}(position|role)|\bno longer hiring|\bclose the [^.!?]{0,40}without filling"),
        R(ReplyCategories.Rejection, 3, @"\bnot (been )?(successful|selected|shortlisted|progressed)|\bunsuccessful\b|\bnot (the right|a good|a strong) (match|fit)|\bdid not meet\b"),
        R(ReplyCategories.Rejection, 3, @"\bdecided not to\b|\bwill not be (taking|considering|progressing|continuing)"),
        R(ReplyCategories.Rejection, 1, @"\bkeep (your|you)[^.!?]{0,20}(on file|in mind|talent pool)|\btalent pool\b"),
        R(ReplyCategories.Rejection, 1, @"\bwish you (the best|every success|all the best|well|luck|the very best)|\bbest of luck\b|\bgood luck (with|in|out)"),
        R(ReplyCategories.Rejection, 1, @"\bfuture (openings|roles|opportunities|application|vacancies)|\bafter (careful|much|thorough) (consideration|deliberation|review)|\bdifficult decision\b"),

        // Offers: an offer made to this candidate, its letter, contract and pay.
        R(ReplyCategories.Offer, 4, @"\b(pleased|delighted|happy|thrilled|excited|glad)\b[^.!?]{0,10}\bto (offer you|make you (an|a conditional|a formal) offer|extend (you )?(an|the|a formal) offer|confirm (our|the|your) offer)"),
        R(ReplyCategories.Offer, 4, @"\bmak(e|ing) you an offer\b|\bextend(ing)? (you )?an offer\b(?! to (another|a different|other))|\bwe('d| would) like to offer you\b"),
        R(ReplyCategories.Offer, 3, @"\boffer (of employment|letter)\b|\b(job|formal|written|conditional|verbal|employment|contract) offer\b|\byour offer\b"),
        R(ReplyCategories.Offer, 3, @"\b(would like|want|'d like|'d love|would love) (for )?you to join\b"),
        R(ReplyCategories.Offer, 2, @"\b(starting|base|annual( gross)?|gross) salary\b|\bcompensation (package|details)\b|\bemployment contract\b"),
        R(ReplyCategories.Offer, 2, @"\bsign (and return|the attached|via docusign)|\baccept(ance of)? (the|this|our) offer\b|\bwelcome (aboard|to the team)"),
        R(ReplyCategories.Offer, 1, @"\bcongratulations\b|\bstart date\b"),

        // Interviews: an invitation, a time to find, a stage reached.
        R(ReplyCategories.Interview, 4, @"\binvit(e|ing|ation)\b[^.!?]{0,40}?\b(interview|call|chat|conversation|assessment|round|stage|meet)"),
        R(ReplyCategories.Interview, 3, @"\binterview (invitation|request|scheduling)\b"),
        R(ReplyCategories.Interview, 3, @"\b(schedule|set up|arrange|book)\b[^.!?]{0,30}?\b(call|interview|chat|screen|time|slot|conversation|meeting)\b"),
        R(ReplyCategories.Interview, 3, @"\b(would|'d) (love|like) to (speak|talk|chat|meet|get to know)"),
        R(ReplyCategories.Interview, 3, @"\b(progressed|moved|selected|shortlisted|through)\b[^.!?]{0,20}\b(to|for) the (next|second|final|technical)"),
        R(ReplyCategories.Interview, 2, @"\b(phone|recruiter|initial) (screen|call|conversation)|\bvideo call\b|\bintro call\b|\b(first|second|final|next)[ -]round\b|\bonsite\b|\bon-site\b|\b(technical|coding|panel|system design|final) interview\b|\btake-home\b"),
        R(ReplyCategories.Interview, 2, @"\byour availability\b|\bavailable (for|on|this|next)\b|\bwhen are you free\b|\btimes? (that )?(would )?(work|suit)|\bwhich of the following\b|\btime slots?\b|\bpick a time\b|\bare you free\b|\bdo you have time\b"),
        R(ReplyCategories.Interview, 1, @"calendly\.com|cal\.com|\bzoom\b|\bgoogle meet\b|\bmicrosoft teams\b|\bnext steps?\b"),

        // Confirmations: the application arrived and will be looked at.
        R(ReplyCategories.Confirmation, 3, @"\b(received|got) your (application|cv|resume|email|documents)|\bapplication (has been |was |is )?(successfully )?(received|submitted)\b|\bhas arrived\b"),
        R(ReplyCategories.Confirmation, 3, @"\bconfirm(s|ation)? (of )?(that )?(we have received|receipt|your application)|\backnowledge receipt\b|\breceipt of your application|\bconfirms? that your application\b"),
        R(ReplyCategories.Confirmation, 2, @"\b(will|we'll|aim to|try to)\b[^.!?]{0,20}?\b(review|be reviewing|take a look|look at|be in (touch|contact)|get back to you|contact you|reach out)"),
        R(ReplyCategories.Confirmation, 2, @"\bwith our hiring team\b|\bforwarded (it|your)\b|\bcame through\b|\bcurrently (being )?review"),
        R(ReplyCategories.Confirmation, 1, @"\bthanks?( you)?( so much)? for (applying|your application|submitting your application|your interest|the application)"),

        // Not an answer to an application at all.
        R(ReplyCategories.Other, 4, @"\bunsubscribe\b|\bopt out\b|\bmanage (your )?(alerts|email preferences|subscriptions)|\bnotification settings\b|\bview (it )?in (your )?browser\b|\bread online\b|\bemail preferences\b|\byou (are receiving|received) this\b"),
        R(ReplyCategories.Other, 5, @"\bout of (the )?office\b|\bautomatic reply\b|\bauto-reply\b|\bundeliver|\bdelivery status notification\b|\bmail delivery\b|\bcould not be delivered\b|\bmailer-daemon\b"),
        R(ReplyCategories.Other, 4, @"\bjob alerts?\b|\bnew jobs\b|\bjobs you may\b|\brecommended jobs\b|\bjob agent\b|\bnew matches\b|\bhiring for roles like yours\b"),
        R(ReplyCategories.Other, 3, @"\bcame across your profile\b|\b(my|our) clients?\b|\bopen to (new roles|hearing|a quick chat|new opportunities)|\byour (latest|updated) (cv|resume)\b|\bday rate\b|\brate and availability\b|\b(exciting|fantastic) opportunity\b|\bgreat fit for\b|\breaching out because\b|\badd you to my network\b|\bsend (me |us |over )?your (cv|resume)\b|\breply with your cv\b"),
    ];

    public static ReplyClassification Classify(string subject, string text)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(text);
        var input = ReplyText.Normalize(subject + ".\n" + ReplyText.Fresh(text));
        var scores = ReplyCategories.All.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
        var evidence = ReplyCategories.All.ToDictionary(c => c, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            if (Find(rule.Pattern, input) is not { } phrase) continue;
            scores[rule.Category] += rule.Weight;
            evidence[rule.Category].Add(phrase);
        }
        var best = TieOrder.OrderByDescending(c => scores[c]).First();
        var other = scores[ReplyCategories.Other];
        if (scores[best] < Threshold || other >= scores[best])
        {
            var why = other > 0 ? $"looks like {Quote(evidence[ReplyCategories.Other])}" : "no clear answer to an application";
            return new(ReplyCategories.Other, "rules", why.Truncate(500));
        }
        return new(best, "rules", $"said {Quote(evidence[best])}".Truncate(500));
    }

    private static string? Find(Regex pattern, string input)
    {
        try
        {
            var match = pattern.Match(input);
            return match.Success ? match.Value.Trim() : null;
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input only costs this one phrase, never the import.
            return null;
        }
    }

    private static string Quote(List<string> phrases) => string.Join(", ", phrases.Take(4).Select(p => $"\"{p.Truncate(60, ellipsis: true)}\""));

    private static Rule R(string category, int weight, string pattern) =>
        new(category, weight, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(250)));
}
