namespace Jobsmith.Tests.Applications.Channels;

/// <summary>
/// An Ashby-like single-page app: fields named by aria-labelledby, a custom dropdown (a button with
/// aria-haspopup=listbox whose options exist only while it is open), a searchable combobox, a yes/no
/// radiogroup, a file input hidden in a drop zone, and a submit by fetch that replaces the form with a message.
/// </summary>
public static class AshbyLikeSite
{
    public const string Site = "ashby";

    public static Uri Install(ApplicationSites sites, string prefix = "/ashby")
    {
        sites.Page($"{prefix}/apply", $$"""
            <!DOCTYPE html><html lang="en"><head><title>Backend Engineer @ Acme Data</title>
            <style>.listbox{border:1px solid #ccc;position:absolute;background:#fff} .drop{border:2px dashed #999;padding:1em}</style></head><body>
            <div id="app"><h1>Backend Engineer</h1>
            <div id="form">
              <div class="q"><div id="l-name" class="lbl">Name *</div><input id="i-name" aria-labelledby="l-name" aria-required="true"></div>
              <div class="q"><div id="l-email" class="lbl">Email *</div><input id="i-email" type="email" aria-labelledby="l-email" aria-required="true"></div>
              <div class="q"><div id="l-phone" class="lbl">Phone number</div><input id="i-phone" type="tel" aria-labelledby="l-phone"></div>
              <div class="q"><div id="l-resume" class="lbl">Resume *</div>
                <div class="drop"><button type="button" onclick="document.getElementById('i-resume').click()">Upload File</button> or drag and drop here
                <input id="i-resume" type="file" aria-labelledby="l-resume" style="display:none"></div></div>
              <div class="q"><div id="l-heard" class="lbl">How did you hear about us?</div>
                <button type="button" id="i-heard" aria-haspopup="listbox" aria-labelledby="l-heard" aria-expanded="false">Select...</button></div>
              <div class="q"><div id="l-loc" class="lbl">Where are you based? *</div>
                <input id="i-loc" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-labelledby="l-loc" aria-required="true" autocomplete="off"></div>
              <div class="q"><div id="l-sponsor" class="lbl">Will you now or in the future require visa sponsorship? *</div>
                <div role="radiogroup" aria-labelledby="l-sponsor" aria-required="true">
                  <label><input type="radio" name="sponsor" value="yes"> Yes</label><label><input type="radio" name="sponsor" value="no"> No</label></div></div>
              <div class="q"><div id="l-start" class="lbl">When can you start?</div><input id="i-start" aria-labelledby="l-start"></div>
              <button type="button" id="submit">Submit Application</button>
              <div id="error" role="alert" style="display:none"></div>
            </div></div>
            <script>
              const state = { heard: '', location: '' };
              const close = () => document.querySelectorAll('.listbox').forEach(l => l.remove());
              function openList(anchor, options, onPick) {
                close();
                const list = document.createElement('ul'); list.className = 'listbox'; list.setAttribute('role', 'listbox');
                for (const o of options) {
                  const li = document.createElement('li'); li.setAttribute('role', 'option'); li.textContent = o;
                  li.addEventListener('mousedown', e => { e.preventDefault(); onPick(o); close(); });
                  list.appendChild(li);
                }
                anchor.after(list); anchor.setAttribute('aria-expanded', 'true');
              }
              const heard = document.getElementById('i-heard');
              heard.addEventListener('click', () => openList(heard, ['Job board', 'LinkedIn', 'A friend'], o => { state.heard = o; heard.textContent = o; }));
              const cities = ['Austin, TX', 'New York, NY', 'San Francisco, CA', 'Seattle, WA'];
              const loc = document.getElementById('i-loc');
              const showCities = () => openList(loc, cities.filter(c => c.toLowerCase().includes(loc.value.toLowerCase())), o => { state.location = o; loc.value = o; });
              loc.addEventListener('focus', showCities);
              loc.addEventListener('input', () => { state.location = ''; showCities(); });
              document.addEventListener('keydown', e => { if (e.key === 'Escape') close(); });
              document.getElementById('submit').addEventListener('click', async () => {
                const error = document.getElementById('error');
                if (!state.location || !document.getElementById('i-resume').files.length) { error.textContent = 'Please fill in the required fields.'; error.style.display = 'block'; return; }
                const data = new FormData();
                data.append('name', document.getElementById('i-name').value);
                data.append('email', document.getElementById('i-email').value);
                data.append('phone', document.getElementById('i-phone').value);
                data.append('heard', state.heard);
                data.append('location', state.location);
                data.append('sponsor', (document.querySelector('input[name=sponsor]:checked') || {}).value || '');
                data.append('start', document.getElementById('i-start').value);
                data.append('resume', document.getElementById('i-resume').files[0]);
                const response = await fetch('{{prefix}}/api/submit', { method: 'POST', body: data });
                if (response.ok) document.getElementById('form').innerHTML = '<h2>Application submitted</h2><p>Thank you for your application to Acme Data.</p>';
                else { error.textContent = 'Something went wrong. Please try again.'; error.style.display = 'block'; }
              });
            </script></body></html>
            """);
        sites.Receive($"{prefix}/api/submit", Site, ApplicationSites.Json(new { success = true }));
        return sites.Url($"{prefix}/apply");
    }
}
