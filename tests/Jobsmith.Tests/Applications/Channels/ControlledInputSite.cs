namespace Jobsmith.Tests.Applications.Channels;

/// <summary>
/// A React-style form with controlled inputs: the values live in the component's state, which only the input
/// events of typing update; each blur re-renders the inputs from that state (wiping a value set without events),
/// and the submit posts the state, not the DOM. A filler that only sets .value sends empty fields.
/// </summary>
public static class ControlledInputSite
{
    public const string Site = "controlled";

    public static Uri Install(ApplicationSites sites, string prefix = "/react")
    {
        sites.Page($"{prefix}/apply", $$"""
            <!DOCTYPE html><html lang="en"><head><title>Apply - Acme Data</title></head><body><div id="root"></div>
            <script>
              const state = { fullName: '', email: '', phone: '', linkedin: '', why: '' };
              const fields = [['fullName', 'Full name', 'text'], ['email', 'Email', 'email'], ['phone', 'Phone', 'tel'], ['linkedin', 'LinkedIn profile', 'url']];
              const root = document.getElementById('root');
              const render = () => { for (const [key] of fields) document.getElementById(key).value = state[key]; document.getElementById('why').value = state.why; };
              root.innerHTML = '<form id="f" novalidate>' + fields.map(([key, label, type]) =>
                `<div class="css-1x"><label for="${key}">${label}</label><input id="${key}" name="${key}" type="${type}" required></div>`).join('')
                + '<div><label for="why">Why are you a good fit for this role?</label><textarea id="why" name="why"></textarea></div>'
                + '<button type="submit">Submit</button><p id="msg"></p></form>';
              for (const key of [...fields.map(f => f[0]), 'why']) {
                const el = document.getElementById(key);
                el.addEventListener('input', e => { state[key] = e.target.value; });
                el.addEventListener('blur', render);
              }
              document.getElementById('f').addEventListener('submit', async e => {
                e.preventDefault(); render();
                if (!state.fullName || !state.email) { document.getElementById('msg').textContent = 'Name and email are required.'; document.getElementById('msg').className = 'error'; return; }
                const r = await fetch('{{prefix}}/api/apply', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(state) });
                if (r.ok) root.innerHTML = '<h1>Thank you for applying!</h1>';
              });
            </script></body></html>
            """);
        sites.Receive($"{prefix}/api/apply", Site, ApplicationSites.Json(new { ok = true }));
        return sites.Url($"{prefix}/apply");
    }
}
