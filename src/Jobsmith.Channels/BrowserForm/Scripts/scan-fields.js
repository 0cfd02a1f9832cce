// Reads the fillable fields of the form a person would see now: inside the open dialog when there is one (an
// Easy-Apply-style modal), else the whole page. Each field (a radio or checkbox group counts once) is tagged with
// data-jobsmith-field so the filler finds it again, and each option of a group with data-jobsmith-option.
// The label is what a person reads: aria-labelledby, aria-label, <label for>, a wrapping <label>, the text of the
// field's own container (Lever-style layouts without <label>), the placeholder, and last the name.
(args) => {
  const start = args.start;
  const clean = s => (s || '').replace(/\s+/g, ' ').trim();
  const visible = el => {
    if (!el || !el.isConnected) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    return el.getClientRects().length > 0;
  };
  const controlsSelector = 'input, select, textarea, [role=combobox], button[aria-haspopup=listbox], [role=listbox]';
  // A field's own text, less the controls in it; around a field (not in its label) also less the buttons and links,
  // which name actions ("Attach resume") rather than the question.
  const textWithout = (el, actions) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('select, option, input, textarea, [role=listbox], [role=option], script, style, button' + (actions ? ', a, [role=button]' : '')).forEach(n => n.remove());
    return clean(copy.textContent);
  };
  const byIds = ids => clean((ids || '').split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(n => n.textContent).join(' '));
  const humanize = s => clean((s || '').replace(/\[\]$/, '').replace(/[_\-\[\]]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2'));

  const dialogs = [...document.querySelectorAll('dialog[open], [role=dialog], [aria-modal=true]')].filter(visible);
  const scope = dialogs.length ? dialogs[dialogs.length - 1] : document.body;

  // The text of the smallest container that holds this control (or group) and no other control.
  const containerText = (members) => {
    let node = members[0].parentElement;
    for (let depth = 0; node && node !== scope.parentElement && depth < 5; depth++, node = node.parentElement) {
      if (node.matches('a, button, [role=button]')) continue;
      const controls = [...node.querySelectorAll(controlsSelector)].filter(c => !(c.type === 'hidden'));
      if (controls.some(c => !members.includes(c) && !members.some(m => m.contains(c) || c.contains(m)))) return '';
      const t = textWithout(node, true);
      if (t) return t;
    }
    return '';
  };

  const labelOf = (el) => {
    const by = byIds(el.getAttribute('aria-labelledby'));
    if (by) return by;
    const aria = clean(el.getAttribute('aria-label'));
    if (aria) return aria;
    if (el.id) {
      const l = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (l && textWithout(l)) return textWithout(l);
    }
    const wrap = el.closest('label');
    if (wrap && textWithout(wrap)) return textWithout(wrap);
    const around = containerText([el]);
    if (around) return around;
    const ph = clean(el.getAttribute('placeholder'));
    if (ph) return ph;
    return humanize(el.getAttribute('name') || el.id);
  };

  const optionLabel = (el) => {
    const aria = clean(el.getAttribute('aria-label'));
    if (aria) return aria;
    if (el.id) {
      const l = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (l && textWithout(l)) return textWithout(l);
    }
    const wrap = el.closest('label');
    if (wrap && textWithout(wrap)) return textWithout(wrap);
    const next = el.nextElementSibling;
    if (next && next.tagName !== 'INPUT' && clean(next.textContent)) return clean(next.textContent);
    return clean(el.value);
  };

  const groupLabel = (members) => {
    const first = members[0];
    const group = first.closest('[role=radiogroup], [role=group], fieldset');
    if (group && members.every(m => group.contains(m))) {
      const by = byIds(group.getAttribute('aria-labelledby'));
      if (by) return by;
      const aria = clean(group.getAttribute('aria-label'));
      if (aria) return aria;
      const legend = group.querySelector('legend');
      if (legend && clean(legend.textContent)) return clean(legend.textContent);
    }
    // A container holding only this group: its text less the options' own labels.
    let node = first.parentElement;
    const optionTexts = members.map(optionLabel);
    for (let depth = 0; node && node !== scope.parentElement && depth < 6; depth++, node = node.parentElement) {
      if (!members.every(m => node.contains(m))) continue;
      const controls = [...node.querySelectorAll(controlsSelector)].filter(c => c.type !== 'hidden');
      if (controls.some(c => !members.includes(c))) break;
      let t = textWithout(node, true);
      for (const o of optionTexts) t = t.replace(o, ' ');
      t = clean(t);
      if (t) return t;
    }
    return humanize(first.getAttribute('name'));
  };

  const sectionOf = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const heading = node.querySelector(':scope > legend, :scope > h1, :scope > h2, :scope > h3, :scope > h4');
      const marks = `${node.id} ${typeof node.className === 'string' ? node.className : ''} ${heading ? heading.textContent : ''}`;
      if (/demographic|\beeo|equal employment|self[- ]identif/i.test(marks)) return 'demographic';
      if (/gdpr|privacy|data[- ]compliance|consent/i.test(marks)) return 'compliance';
    }
    return 'questions';
  };

  const labelSaysRequired = label => /[*✱]|\(required\)/i.test(label);
  const isRequired = (el, label) => el.required || el.getAttribute('aria-required') === 'true' || labelSaysRequired(label);
  const stripMarks = label => clean(label.replace(/[*✱]/g, '').replace(/\(required\)/ig, ''));
  // A file input is often hidden behind a styled button; it counts when its own box is shown.
  const shown = el => visible(el) || (el.type === 'file' && visible(el.parentElement));

  const skipTypes = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'search', 'password']);
  const candidates = [...scope.querySelectorAll('input, select, textarea, [role=combobox], button[aria-haspopup=listbox]')]
    .filter(el => !(el.tagName === 'INPUT' && skipTypes.has((el.type || 'text').toLowerCase())))
    .filter(el => !el.disabled && !el.readOnly && shown(el))
    // A combobox's own text box belongs to the widget, not a second field.
    .filter(el => !(el.getAttribute('role') !== 'combobox' && el.closest('[role=combobox]') && el.closest('[role=combobox]') !== el));

  const fields = [];
  const seenGroups = new Set();
  let next = start;
  for (const el of candidates) {
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') || '').toLowerCase();
    const base = { name: el.getAttribute('name'), id: el.id || null, automationId: el.getAttribute('data-automation-id') };
    if (tag === 'input' && (type === 'radio' || type === 'checkbox')) {
      const name = el.getAttribute('name');
      const key = `${type}:${name || el.id}`;
      if (seenGroups.has(key)) continue;
      seenGroups.add(key);
      const members = name ? candidates.filter(c => c.tagName === 'INPUT' && c.type === type && c.getAttribute('name') === name) : [el];
      const single = type === 'checkbox' && members.length === 1;
      const rawLabel = single ? labelOf(el) : groupLabel(members);
      const index = next++;
      members.forEach((m, k) => { m.setAttribute('data-jobsmith-field', String(index)); m.setAttribute('data-jobsmith-option', String(k)); });
      fields.push({
        ...base, index, kind: single ? 'checkbox' : (type === 'radio' ? 'radio' : 'checkbox_group'),
        label: stripMarks(rawLabel), required: members.some(m => m.required || m.getAttribute('aria-required') === 'true') || labelSaysRequired(rawLabel)
          || el.closest('[aria-required=true]') !== null,
        options: single ? ['Yes', 'No'] : members.map(optionLabel), section: sectionOf(el), value: null,
      });
      continue;
    }
    const index = next++;
    el.setAttribute('data-jobsmith-field', String(index));
    const rawLabel = labelOf(el);
    let kind, options = [];
    if (tag === 'select') {
      kind = 'select';
      options = [...el.options].map(o => clean(o.textContent));
    } else if (el.getAttribute('role') === 'combobox' || el.getAttribute('aria-haspopup') === 'listbox') {
      kind = 'combobox';
      const list = document.getElementById(el.getAttribute('aria-controls') || el.getAttribute('aria-owns') || '');
      if (list) options = [...list.querySelectorAll('[role=option]')].map(o => clean(o.textContent));
    } else if (tag === 'textarea') kind = 'textarea';
    else if (type === 'file') kind = 'file';
    else kind = ['email', 'tel', 'url', 'number', 'date'].includes(type) ? type : 'text';
    fields.push({
      ...base, index, kind, label: stripMarks(rawLabel), required: isRequired(el, rawLabel), options, section: sectionOf(el),
      value: 'value' in el && typeof el.value === 'string' ? el.value : null,
    });
  }
  return { fields, inDialog: dialogs.length > 0 };
}
