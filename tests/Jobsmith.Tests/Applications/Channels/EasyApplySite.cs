namespace Jobsmith.Tests.Applications.Channels;

/// <summary>
/// An Easy-Apply-like job page: no form on the page, an "Easy Apply" button that opens a modal dialog with its own
/// steps (contact info, resume and questions, review) and "Next" / "Review" / "Submit application" buttons, while the
/// page behind keeps a search box of its own. The modal posts multipart and says the application was sent.
/// </summary>
public static class EasyApplySite
{
    public const string Site = "easyapply";

    public static Uri Install(ApplicationSites sites, string prefix = "/easy")
    {
        sites.Page($"{prefix}/jobs/view/42", $$"""
            <!DOCTYPE html><html lang="en"><head><title>Backend Engineer | Acme Data</title>
            <style>.modal{position:fixed;inset:10%;background:#fff;border:1px solid #333;overflow:auto;padding:1em}.page{display:none}.page.on{display:block}</style></head><body>
            <header><input type="search" placeholder="Search jobs" name="keywords"></header>
            <main><h1>Backend Engineer</h1><p>Acme Data · San Francisco, CA</p>
              <button id="easy" class="jobs-apply-button">Easy Apply</button></main>
            <div id="modal" class="modal" role="dialog" aria-modal="true" aria-labelledby="mt" hidden>
              <h2 id="mt">Apply to Acme Data</h2>
              <form id="ea" enctype="multipart/form-data">
                <div class="page on" data-p="1"><h3>Contact info</h3>
                  <label>First name <input name="firstName" required></label>
                  <label>Last name <input name="lastName" required></label>
                  <label>Email address <select name="email" required><option value="">Select an option</option><option>maya.okafor@example.com</option></select></label>
                  <label>Mobile phone number <input name="phone" type="tel" required></label></div>
                <div class="page" data-p="2"><h3>Resume</h3>
                  <label>Upload resume <input type="file" name="resume" required></label>
                  <label>Are you willing to relocate? <select name="relocate" required><option value="">Select an option</option><option>Yes</option><option>No</option></select></label>
                  <label>When can you start? <input name="start"></label></div>
                <div class="page" data-p="3"><h3>Review your application</h3><p>Check your details before you submit.</p></div>
              </form>
              <footer><button type="button" id="dismiss" aria-label="Dismiss">×</button>
                <button type="button" id="nx">Next</button><button type="button" id="sb" hidden>Submit application</button></footer>
            </div>
            <script>
              let p = 1;
              const modal = document.getElementById('modal');
              document.getElementById('easy').addEventListener('click', () => { modal.hidden = false; });
              document.getElementById('dismiss').addEventListener('click', () => { modal.hidden = true; });
              const render = () => {
                document.querySelectorAll('.page').forEach(x => x.classList.toggle('on', Number(x.dataset.p) === p));
                document.getElementById('nx').textContent = p === 2 ? 'Review' : 'Next';
                document.getElementById('nx').hidden = p === 3; document.getElementById('sb').hidden = p !== 3;
              };
              document.getElementById('nx').addEventListener('click', () => {
                const invalid = [...document.querySelectorAll(`.page[data-p="${p}"] [required]`)].filter(e => !e.checkValidity());
                if (invalid.length) { invalid[0].setAttribute('aria-invalid', 'true'); return; }
                p++; render();
              });
              document.getElementById('sb').addEventListener('click', async () => {
                const r = await fetch('{{prefix}}/apply', { method: 'POST', body: new FormData(document.getElementById('ea')) });
                if (r.ok) modal.innerHTML = '<h2>Your application was sent to Acme Data</h2><button type="button">Done</button>';
              });
            </script></body></html>
            """);
        sites.Receive($"{prefix}/apply", Site, ApplicationSites.Json(new { ok = true }));
        return sites.Url($"{prefix}/jobs/view/42");
    }
}
