namespace Jobsmith.Tests.Applications.Channels;

/// <summary>
/// A Lever-like apply page: no &lt;label&gt; elements at all — each question is a list item whose text sits in a
/// div beside the field, required ones marked ✱ — "cards" of custom questions as radio buttons wrapped in labels,
/// and one multipart post answered by a "thanks for applying" page.
/// </summary>
public static class LeverLikeSite
{
    public const string Site = "lever";

    public static Uri Install(ApplicationSites sites, string prefix = "/lever", string extraQuestions = "")
    {
        sites.Page($"{prefix}/apply", $$"""
            <!DOCTYPE html><html lang="en"><head><title>Acme Data - Backend Engineer</title></head><body>
            <div class="posting-header"><h2>Backend Engineer</h2></div>
            <form method="POST" enctype="multipart/form-data" action="{{prefix}}/apply/submit" id="application-form">
              <div class="section"><h4>Submit your application</h4>
              <ul>
                <li class="application-question resume"><div class="application-label">Resume/CV<span class="required">✱</span></div>
                  <div class="application-field"><a class="postings-btn visible-resume-upload">ATTACH RESUME/CV
                    <input type="file" name="resume" id="resume-upload-input" style="opacity:0;position:absolute;left:0;width:10px"></a></div></li>
                <li class="application-question"><div class="application-label">Full name<span class="required">✱</span></div>
                  <div class="application-field"><input type="text" name="name" required></div></li>
                <li class="application-question"><div class="application-label">Email<span class="required">✱</span></div>
                  <div class="application-field"><input type="email" name="email" required></div></li>
                <li class="application-question"><div class="application-label">Phone</div>
                  <div class="application-field"><input type="text" name="phone"></div></li>
                <li class="application-question"><div class="application-label">Current company</div>
                  <div class="application-field"><input type="text" name="org"></div></li>
              </ul></div>
              <div class="section"><h4>Links</h4><ul>
                <li class="application-question"><div class="application-label">LinkedIn URL</div>
                  <div class="application-field"><input type="text" name="urls[LinkedIn]"></div></li>
                <li class="application-question"><div class="application-label">GitHub URL</div>
                  <div class="application-field"><input type="text" name="urls[GitHub]"></div></li>
              </ul></div>
              <div class="section"><ul>
                <li class="application-question custom-question"><div class="application-label">Are you willing to relocate?<span class="required">✱</span></div>
                  <div class="application-field"><ul>
                    <li><label><input type="radio" name="cards[c1][field0]" value="Yes" required><span class="application-answer-alternative">Yes</span></label></li>
                    <li><label><input type="radio" name="cards[c1][field0]" value="No"><span class="application-answer-alternative">No</span></label></li>
                  </ul></div></li>
                {{extraQuestions}}
                <li class="application-question"><div class="application-label">Additional information</div>
                  <div class="application-field"><textarea name="comments" placeholder="Add a cover letter or anything else you want to share."></textarea></div></li>
              </ul></div>
              <button type="submit" class="template-btn-submit">Submit application</button>
            </form></body></html>
            """);
        sites.Receive($"{prefix}/apply/submit", Site, ApplicationSites.RedirectTo($"{prefix}/thanks"));
        sites.Page($"{prefix}/thanks", "<!DOCTYPE html><html><head><title>Application submitted</title></head><body><h3>Application submitted!</h3>"
            + "<p>Thanks for applying to Acme Data. We will be in touch.</p></body></html>");
        return sites.Url($"{prefix}/apply");
    }
}
