// What the page shows now, for the decisions the channel takes between actions: CAPTCHA markers, a password field
// (a login wall), the buttons a person could press (tagged data-jobsmith-button), error messages shown, and the text.
() => {
  const clean = s => (s || '').replace(/\s+/g, ' ').trim();
  const visible = el => {
    if (!el || !el.isConnected) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    return el.getClientRects().length > 0;
  };
  const dialogs = [...document.querySelectorAll('dialog[open], [role=dialog], [aria-modal=true]')].filter(visible);
  const scope = dialogs.length ? dialogs[dialogs.length - 1] : document.body;

  // The widgets load from their vendors' hosts; their containers carry well-known classes even before they load.
  const markers = [
    ['reCAPTCHA', 'iframe[src*="recaptcha"], .g-recaptcha, #g-recaptcha, [data-recaptcha]'],
    ['hCaptcha', 'iframe[src*="hcaptcha"], .h-captcha, [data-hcaptcha-widget-id]'],
    ['Cloudflare Turnstile', 'iframe[src*="challenges.cloudflare.com"], .cf-turnstile, [data-turnstile-sitekey]'],
    ['CAPTCHA', 'iframe[title*="captcha" i], img[alt*="captcha" i], input[name*="captcha" i]'],
  ];
  let captcha = null;
  for (const [name, selector] of markers) {
    if (document.querySelector(selector)) { captcha = name; break; }
  }
  const passwordField = [...document.querySelectorAll('input[type=password]')].some(visible);

  // Tags from an earlier look at the page would make two buttons answer to one number.
  document.querySelectorAll('[data-jobsmith-button]').forEach(b => b.removeAttribute('data-jobsmith-button'));
  const buttons = [...scope.querySelectorAll('button, input[type=submit], input[type=button], [role=button], a')]
    .filter(b => visible(b) && !b.disabled && b.getAttribute('aria-disabled') !== 'true')
    .map((b, i) => {
      b.setAttribute('data-jobsmith-button', String(i));
      const text = clean(b.tagName === 'INPUT' ? b.value : (b.innerText || b.textContent)) || clean(b.getAttribute('aria-label'));
      const submits = (b.tagName === 'BUTTON' && (b.getAttribute('type') || 'submit') === 'submit' && b.form !== null)
        || (b.tagName === 'INPUT' && b.type === 'submit');
      return { index: i, text, tag: b.tagName.toLowerCase(), submits, href: b.tagName === 'A' ? b.getAttribute('href') : null };
    });

  const errorSelector = '[role=alert], .error, .errors, .field-error, .error-message, .invalid-feedback, [data-error], [aria-live=assertive]';
  const errors = [...document.querySelectorAll(errorSelector)].filter(visible).map(e => clean(e.innerText || e.textContent)).filter(Boolean);
  const invalid = [...document.querySelectorAll('[aria-invalid=true]')].filter(visible).length;

  return {
    captcha, passwordField, buttons, errors, invalid, inDialog: dialogs.length > 0,
    title: document.title, text: clean(document.body ? document.body.innerText : '').slice(0, 20000), url: location.href,
  };
}
