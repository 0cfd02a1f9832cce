namespace Jobsmith.Tests.Applications.Channels;

/// <summary>
/// A Workday-like wizard: four steps in one page (My Information, My Experience, Application Questions, Review),
/// fields marked with data-automation-id, "Save and Continue" that refuses to move on while a required field is
/// empty (an alert names it), and a final "Submit" that posts everything as JSON and shows "Application Submitted".
/// </summary>
public static class WorkdayLikeSite
{
    public const string Site = "workday";

    public static Uri Install(ApplicationSites sites, string prefix = "/workday")
    {
        sites.Page($"{prefix}/job/apply", $$"""
            <!DOCTYPE html><html lang="en"><head><title>Backend Engineer - Careers</title><style>.step{display:none}.step.active{display:block}</style></head><body>
            <div data-automation-id="applyFlowPage"><h2 data-automation-id="progressBarActiveStep">Apply</h2>
            <div class="step active" data-step="1"><h3>My Information</h3>
              <div><label for="fn">Given Name(s) *</label><input id="fn" data-automation-id="legalNameSection_firstName" aria-required="true"></div>
              <div><label for="ln">Family Name *</label><input id="ln" data-automation-id="legalNameSection_lastName" aria-required="true"></div>
              <div><label for="em">Email Address *</label><input id="em" type="email" data-automation-id="email" aria-required="true"></div>
              <div><label for="ph">Phone Number</label><input id="ph" type="tel" data-automation-id="phone-number"></div>
              <div><label for="city">City</label><input id="city" data-automation-id="addressSection_city"></div>
            </div>
            <div class="step" data-step="2"><h3>My Experience</h3>
              <div><label for="cv">Resume/CV *</label><input id="cv" type="file" data-automation-id="file-upload-input-ref" aria-required="true"></div>
              <div><label for="li">LinkedIn</label><input id="li" data-automation-id="linkedinQuestion"></div>
            </div>
            <div class="step" data-step="3"><h3>Application Questions</h3>
              <div><label for="auth">Are you legally authorized to work in the country of this job? *</label>
                <select id="auth" data-automation-id="workAuth" aria-required="true"><option value="">Select One</option><option>Yes</option><option>No</option></select></div>
              <div><label for="notice">What is your notice period?</label><input id="notice" data-automation-id="noticePeriod"></div>
              <fieldset data-automation-id="relocate"><legend>Are you willing to relocate? *</legend>
                <label><input type="radio" name="relocate" value="Yes" aria-required="true"> Yes</label>
                <label><input type="radio" name="relocate" value="No"> No</label></fieldset>
            </div>
            <div class="step" data-step="4"><h3>Review</h3><p id="summary"></p></div>
            <div role="alert" id="alert" style="display:none;color:#b00"></div>
            <button type="button" data-automation-id="backButton" id="back">Back</button>
            <button type="button" data-automation-id="bottom-navigation-next-button" id="next">Save and Continue</button>
            <button type="button" data-automation-id="bottom-navigation-submit-button" id="submit" style="display:none">Submit</button>
            </div>
            <script>
              let step = 1;
              const show = () => {
                document.querySelectorAll('.step').forEach(s => s.classList.toggle('active', Number(s.dataset.step) === step));
                document.getElementById('next').style.display = step < 4 ? '' : 'none';
                document.getElementById('submit').style.display = step === 4 ? '' : 'none';
                document.getElementById('alert').style.display = 'none';
              };
              const missing = () => [...document.querySelectorAll(`.step[data-step="${step}"] [aria-required=true]`)]
                .filter(e => e.type === 'radio' ? !document.querySelector(`input[name=${e.name}]:checked`) : e.type === 'file' ? !e.files.length : !e.value)
                .map(e => (e.labels && e.labels[0] ? e.labels[0].textContent : e.closest('fieldset').querySelector('legend').textContent).replace('*', '').trim());
              document.getElementById('next').addEventListener('click', () => {
                const m = missing();
                if (m.length) { const a = document.getElementById('alert'); a.textContent = 'Errors found: ' + m.join(', ') + ' is required'; a.style.display = 'block'; return; }
                step++; show();
                if (step === 4) document.getElementById('summary').textContent = 'Please review your application for ' + document.getElementById('em').value;
              });
              document.getElementById('back').addEventListener('click', () => { if (step > 1) { step--; show(); } });
              document.getElementById('submit').addEventListener('click', async () => {
                const file = document.getElementById('cv').files[0];
                const bytes = new Uint8Array(await file.arrayBuffer());
                let binary = ''; bytes.forEach(b => binary += String.fromCharCode(b));
                const body = {
                  firstName: fn.value, lastName: ln.value, email: em.value, phone: ph.value, city: city.value, linkedin: li.value,
                  workAuth: auth.value, notice: notice.value, relocate: (document.querySelector('input[name=relocate]:checked') || {}).value || '',
                  resumeName: file.name, resumeBase64: btoa(binary),
                };
                const r = await fetch('{{prefix}}/api/applications', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
                if (r.ok) document.querySelector('[data-automation-id=applyFlowPage]').innerHTML = '<h2>Application Submitted</h2><p>You can track it in your candidate home.</p>';
              });
            </script></body></html>
            """);
        sites.Receive($"{prefix}/api/applications", Site, ApplicationSites.Json(new { ok = true }));
        return sites.Url($"{prefix}/job/apply");
    }
}
