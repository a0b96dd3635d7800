/*
 * Hybridconf participant portal: language switch, the registration form, and "my registration"
 * (opened from a personal access link: status, self-service changes, cancelling, answering an offer,
 * and for remote participants today's sessions with a Join button that fetches their own Zoom link).
 * A registration is for one conference, picked from the public list of conferences; a person registered
 * for several holds one personal link and token per conference, and switches between them here.
 * Plain browser JavaScript, no framework, nothing loaded from elsewhere.
 * Texts live in index.html (#portal-messages), one block per conference language.
 */
(function () {
  'use strict';

  var LANGUAGES = ['en', 'fr', 'es'];
  var STORAGE_KEY = 'hybridconf.language';
  // The participant tokens (one per conference registered for) live for this browser tab only (sessionStorage),
  // never in localStorage.
  var TOKEN_KEY = 'hybridconf.access';
  // Fields of the registration form that can carry an error next to them (the API's SubmitRegistrationRequest,
  // minus the two checkboxes whose dependent fields carry the error instead).
  var FIELDS = ['conferenceId', 'invitationCode', 'fullName', 'email', 'organisation', 'position', 'city', 'country', 'attendanceMode',
    'preferredLanguage', 'interpretationLanguage', 'accessibilityNeeds', 'timeZone', 'sponsorshipJustification',
    'privacyConsent'];
  // The same for "change my details" (the API's UpdateRegistrationRequest).
  var CHANGE_FIELDS = ['attendanceMode', 'preferredLanguage', 'interpretationLanguage', 'accessibilityNeeds', 'timeZone'];
  // Statuses in which a participant may still change details, and in which they may cancel.
  var OPEN = ['PENDING', 'APPROVED', 'WAITLISTED', 'OFFERED', 'EXPIRED'];
  var CANCELLABLE = ['PENDING', 'APPROVED', 'WAITLISTED', 'EXPIRED'];
  // ISO 3166-1 alpha-2; names are shown in the visitor's language by the browser (Intl.DisplayNames).
  var COUNTRIES = ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
    'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
    'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM ' +
    'IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
    'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG ' +
    'PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY ' +
    'SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW')
    .split(' ');

  function byId(id) {
    return document.getElementById(id);
  }

  var messages = JSON.parse(byId('portal-messages').textContent);
  var params = new URLSearchParams(window.location.search);
  var notice = byId('notice');

  var registerView = byId('register-view');
  var form = byId('registration');
  var outcome = byId('outcome');
  var submitButton = form.querySelector('button[type="submit"]');

  var meView = byId('me-view');
  var changes = byId('changes');
  var meOutcome = byId('me-outcome');
  var saveButton = changes.querySelector('button[type="submit"]');

  // A language named by a link (?lang=) or picked on the page wins over the registration's own.
  var languageChosen = false;
  var language = initialLanguage();
  var preferredLanguageChosen = false;
  var memoryAccess = null;
  // The public list of conferences (GET /api/sessions/conferences), once loaded: a promise of an array.
  var conferenceList = null;
  var conferencesFailed = false;
  // What is on screen, so that a language switch can show it again in the new language.
  var state = {notice: null, outcome: null, meOutcome: null, me: null, joinable: null};

  function initialLanguage() {
    // A link may name the language (?lang=fr), e.g. in an invitation written in that language.
    var requested = params.get('lang');
    if (LANGUAGES.indexOf(requested) >= 0) {
      languageChosen = true;
      return requested;
    }
    try {
      var stored = window.localStorage.getItem(STORAGE_KEY);
      if (LANGUAGES.indexOf(stored) >= 0) {
        languageChosen = true;
        return stored;
      }
    } catch (ignored) {
      // Storage may be off (private browsing); fall back to the browser's languages.
    }
    var wanted = navigator.languages || [navigator.language || 'en'];
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i]).slice(0, 2).toLowerCase();
      if (LANGUAGES.indexOf(code) >= 0) {
        return code;
      }
    }
    return 'en';
  }

  function text() {
    return messages[language];
  }

  /** Fills {placeholders} of a text. */
  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function setLanguage(next) {
    language = next;
    var t = text();
    document.documentElement.lang = next;
    document.title = t.title;
    document.querySelector('.languages').setAttribute('aria-label', t.languages);
    document.querySelectorAll('[data-i18n]').forEach(function (element) {
      var busy = element.getAttribute('data-busy');
      element.textContent = t[busy || element.getAttribute('data-i18n')];
    });
    document.querySelectorAll('.languages button').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === next));
    });
    if (!preferredLanguageChosen) {
      form.elements.preferredLanguage.value = next;
    }
    fillCountries();
    fillConferences();
    registrationErrors.render();
    changeErrors.render();
    renderCard(notice, state.notice);
    renderCard(outcome, state.outcome);
    renderCard(meOutcome, state.meOutcome);
    if (state.me) {
      renderMine(state.me);
      renderJoinable();
    }
    renderMyConferences();
  }

  /** Shows the registration's own language when the visitor has not picked one. */
  function adoptLanguage(code) {
    if (!languageChosen && LANGUAGES.indexOf(code) >= 0 && code !== language) {
      setLanguage(code);
    }
  }

  function fillCountries() {
    var select = form.elements.country;
    var chosen = select.value;
    var names = null;
    if (window.Intl && typeof Intl.DisplayNames === 'function') {
      names = new Intl.DisplayNames([language], {type: 'region'});
    }
    var options = COUNTRIES.map(function (code) {
      var name = names ? names.of(code) : code;
      return {code: code, name: name && name !== code ? name : code};
    });
    options.sort(function (a, b) {
      return a.name.localeCompare(b.name, language);
    });
    while (select.options.length > 1) {
      select.remove(1);
    }
    options.forEach(function (country) {
      select.add(new Option(country.name, country.code));
    });
    select.value = chosen;
  }

  // ---- conferences ----------------------------------------------------------------------------

  /** The conferences people may register for, asked of the session service once (the list is public). */
  function loadConferences() {
    if (!conferenceList) {
      conferenceList = call('GET', '/api/sessions/conferences').then(function (answer) {
        conferencesFailed = answer.status !== 200 || !Array.isArray(answer.json);
        return conferencesFailed ? [] : answer.json;
      });
    }
    return conferenceList;
  }

  var conferences = [];

  function conferenceById(id) {
    return conferences.filter(function (conference) {
      return conference.id === id;
    })[0] || null;
  }

  function conferenceName(conference, fallbackId) {
    var names = conference && conference.name || {};
    return names[language] || names.en || names.fr || names.es || fallbackId || (conference && conference.id) || '';
  }

  function formatDay(date) {
    try {
      return new Intl.DateTimeFormat(language, {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'})
        .format(new Date(date + 'T00:00:00Z'));
    } catch (ignored) {
      return String(date || '');
    }
  }

  /** What the form says under the conference chosen: by invitation, when registration opens or closes. */
  function conferenceHint(conference) {
    var t = text();
    if (!conference) {
      return conferencesFailed ? t.conferencesUnavailable : '';
    }
    var terms = conference.registration || {};
    var now = Date.now();
    var opens = toDate(terms.opensAt);
    var closes = toDate(terms.closesAt);
    var hints = [];
    if (opens && opens.getTime() > now) {
      hints.push(format(t.conferenceOpensAt, {time: formatMoment(terms.opensAt)}));
    } else if (closes && closes.getTime() <= now) {
      hints.push(format(t.conferenceClosedAt, {time: formatMoment(terms.closesAt)}));
    } else if (closes) {
      hints.push(format(t.conferenceOpenUntil, {time: formatMoment(terms.closesAt)}));
    }
    if (conference.invitationOnly && !form.elements.invitationCode.value) {
      hints.push(t.conferenceInvitation);
    }
    return hints.join(' ');
  }

  /** Fills the conference choice in the page's language; a link's ?conference= or the only one is chosen. */
  function fillConferences() {
    var select = form.elements.conferenceId;
    var chosen = select.value || params.get('conference') || '';
    while (select.options.length > 1) {
      select.remove(1);
    }
    var sorted = conferences.slice().sort(function (a, b) {
      return String(a.startDate).localeCompare(String(b.startDate)) || String(a.id).localeCompare(String(b.id));
    });
    sorted.forEach(function (conference) {
      var label = conferenceName(conference) + ' (' + format(text().conferenceDates,
        {start: formatDay(conference.startDate), end: formatDay(conference.endDate)}) + ')';
      select.add(new Option(label, conference.id));
    });
    if (!chosen && sorted.length === 1) {
      chosen = sorted[0].id;
    }
    select.value = conferenceById(chosen) ? chosen : '';
    byId('conferenceId-hint').textContent = conferenceHint(conferenceById(select.value));
  }

  function deviceTimeZone() {
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      return zone && zone !== 'Etc/Unknown' ? zone : '';
    } catch (ignored) {
      return '';
    }
  }

  function fillTimeZones() {
    if (!window.Intl || typeof Intl.supportedValuesOf !== 'function') {
      return;
    }
    var list = byId('time-zones');
    Intl.supportedValuesOf('timeZone').forEach(function (zone) {
      var option = document.createElement('option');
      option.value = zone;
      list.appendChild(option);
    });
  }

  // ---- field errors -------------------------------------------------------------------------

  /** Is a control's value unusable? Hidden, disabled and read-only controls are not checked. */
  function isInvalid(control) {
    if (!control) {
      return false;
    }
    if (control instanceof RadioNodeList) {
      return control[0].required && !control[0].disabled && !control.value;
    }
    if (control.disabled || control.readOnly || control.closest('[hidden]')) {
      return false;
    }
    if (control.type === 'checkbox') {
      return control.required && !control.checked;
    }
    if (control.required && !control.value.trim()) {
      return true;
    }
    if (control.maxLength > 0 && control.value.length > control.maxLength) {
      return true;
    }
    return !control.checkValidity();
  }

  /**
   * The errors shown next to the fields of one form: their error element is {prefix}{name}-error
   * and their text fieldErrors[name] (or another text named when shown), in the current language.
   */
  function fieldErrors(owner, prefix, fields) {
    var shown = [];
    var textKeys = {};

    function message(name) {
      return textKeys[name] ? text()[textKeys[name]] : text().fieldErrors[name];
    }

    function controls(name) {
      var control = owner.elements[name];
      if (!control) {
        return [];
      }
      return control instanceof RadioNodeList ? Array.prototype.slice.call(control) : [control];
    }

    function slot(name) {
      return byId(prefix + name + '-error');
    }

    return {
      knows: function (name) {
        return fields.indexOf(name) >= 0;
      },
      show: function (name, textKey) {
        if (shown.indexOf(name) < 0) {
          shown.push(name);
        }
        textKeys[name] = textKey || null;
        slot(name).textContent = message(name);
        slot(name).hidden = false;
        controls(name).forEach(function (element) {
          element.setAttribute('aria-invalid', 'true');
        });
      },
      clear: function () {
        shown.forEach(function (name) {
          slot(name).hidden = true;
          controls(name).forEach(function (element) {
            element.removeAttribute('aria-invalid');
          });
        });
        shown = [];
        textKeys = {};
      },
      render: function () {
        shown.forEach(function (name) {
          slot(name).textContent = message(name);
        });
      },
      /** Checks the form in the browser; marks and returns the names of the fields to correct. */
      check: function () {
        var invalid = fields.filter(function (name) {
          return isInvalid(owner.elements[name]);
        });
        var self = this;
        invalid.forEach(function (name) {
          self.show(name);
        });
        return invalid;
      },
      focus: function (name) {
        var first = controls(name).filter(function (element) {
          return !element.disabled;
        })[0];
        if (first) {
          first.focus();
        }
      },
      /** Shows the API's field errors next to their fields; returns those that have no place here. */
      fromProblem: function (problem) {
        var unmatched = [];
        var self = this;
        (problem && Array.isArray(problem.errors) ? problem.errors : []).forEach(function (error) {
          var name = String(error.field || '').split(/[.[]/)[0];
          if (self.knows(name) && slot(name)) {
            self.show(name);
          } else {
            unmatched.push({field: String(error.field || ''), message: String(error.message || '')});
          }
        });
        return unmatched;
      },
      first: function () {
        return shown[0];
      }
    };
  }

  var registrationErrors = fieldErrors(form, '', FIELDS);
  var changeErrors = fieldErrors(changes, 'change-', CHANGE_FIELDS);

  /** A field shown (and required) only while its checkbox is ticked. */
  function dependent(checkbox, field, control, whenShown) {
    function sync() {
      field.hidden = !checkbox.checked;
      control.required = checkbox.checked;
      if (checkbox.checked && whenShown) {
        whenShown();
      }
    }
    checkbox.addEventListener('change', sync);
    return sync;
  }

  var syncInterpretation = dependent(form.elements.interpretationNeeded, byId('interpretationLanguage-field'),
    form.elements.interpretationLanguage, function () {
      if (!form.elements.interpretationLanguage.value) {
        form.elements.interpretationLanguage.value = form.elements.preferredLanguage.value;
      }
    });
  var syncSponsorship = dependent(form.elements.sponsorshipRequested, byId('sponsorshipJustification-field'),
    form.elements.sponsorshipJustification);
  var syncChangeInterpretation = dependent(changes.elements.interpretationNeeded,
    byId('change-interpretationLanguage-field'), changes.elements.interpretationLanguage, function () {
      if (!changes.elements.interpretationLanguage.value) {
        changes.elements.interpretationLanguage.value = changes.elements.preferredLanguage.value;
      }
    });

  // ---- talking to the API -------------------------------------------------------------------

  /**
   * One API call in the visitor's language. Never fails: a network error answers status 0.
   * The answer keeps the language it was asked in, so that a problem's detail is only shown
   * while the page is still in that language.
   */
  function call(method, url, body, token) {
    var asked = language;
    var headers = {'Accept': 'application/json, application/problem+json', 'Accept-Language': asked};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    return fetch(url, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      return response.text().then(function (raw) {
        var json = null;
        try {
          json = raw ? JSON.parse(raw) : null;
        } catch (ignored) {
          // Not JSON: judged by status alone.
        }
        return {status: response.status, json: json, language: asked};
      });
    }, function () {
      return {status: 0, json: null, language: asked};
    });
  }

  /** The last part of a problem's type URI, e.g. "capacity-reached". */
  function problemSlug(answer) {
    var type = answer.json && typeof answer.json.type === 'string' ? answer.json.type : '';
    return type.replace(/\/+$/, '').split('/').pop();
  }

  function problemDetail(answer) {
    return answer.json && typeof answer.json.detail === 'string' ? answer.json.detail : null;
  }

  function unreachable(answer) {
    return answer.status === 0 || answer.status >= 500;
  }

  /** Shows a button's working label (e.g. "Sending…") and keeps it through a language switch. */
  function setBusy(button, busyKey) {
    button.disabled = !!busyKey;
    if (busyKey) {
      button.setAttribute('data-busy', busyKey);
    } else {
      button.removeAttribute('data-busy');
    }
    button.textContent = text()[busyKey || button.getAttribute('data-i18n')];
  }

  // ---- joining on Zoom ------------------------------------------------------------------------

  /** Today's date (yyyy-mm-dd) in a time zone. */
  function today(zone) {
    try {
      return new Intl.DateTimeFormat('en-CA', {timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit'})
        .format(new Date());
    } catch (ignored) {
      return new Date().toISOString().slice(0, 10);
    }
  }

  /** A session of today a remote participant can join: streamed, not a break, and for breakouts only with a place. */
  function joinable(entry) {
    var session = entry && entry.session;
    return !!session && session.status !== 'CANCELLED' && session.kind !== 'BREAK' && session.format !== 'IN_PERSON'
      && (session.kind !== 'BREAKOUT' || entry.enrolment === 'ENROLLED')
      && session.day === today(session.conferenceTimeZone);
  }

  /**
   * For an approved remote participant: today's sessions of the conferences running today, from their
   * personal agenda (the session service), each with a Join button.
   */
  function loadJoinable(view) {
    var card = byId('join-card');
    var token = currentToken();
    state.joinable = null;
    card.hidden = !(token && view.status === 'APPROVED' && view.attendanceMode === 'REMOTE');
    if (card.hidden) {
      return Promise.resolve();
    }
    byId('join-loading').hidden = false;
    byId('join-none').hidden = true;
    byId('join-list').replaceChildren();
    var zone = view.timeZone || deviceTimeZone();
    return loadConferences().then(function (list) {
      // Only the conference this registration is for: another's sessions are not the participant's to join.
      var running = list.filter(function (c) {
        var day = today(c.timeZone);
        return c.id === view.conferenceId && c.startDate <= day && day <= c.endDate;
      });
      return Promise.all(running.map(function (conference) {
        return call('GET', '/api/sessions/me/agenda?conference=' + encodeURIComponent(conference.id) + '&tz='
          + encodeURIComponent(zone), undefined, token).then(function (agenda) {
          return agenda.status === 200 && agenda.json && Array.isArray(agenda.json.sessions) ? agenda.json.sessions : [];
        });
      }));
    }).then(function (agendas) {
      var entries = [].concat.apply([], agendas).filter(joinable);
      entries.sort(function (a, b) {
        return toDate(a.session.start) - toDate(b.session.start);
      });
      state.joinable = {zone: zone, entries: entries, messages: {}};
      renderJoinable();
    });
  }

  function sessionTitle(session) {
    var titles = session.title || {};
    return titles[language] || titles.en || Object.keys(titles).map(function (code) {
      return titles[code];
    })[0] || '';
  }

  /** A time in the viewer's zone; with the weekday when the session runs over midnight there. */
  function clock(instant, zone, withDay) {
    var parts = {hour: 'numeric', minute: '2-digit', timeZone: zone};
    if (withDay) {
      parts.weekday = 'short';
    }
    try {
      return new Intl.DateTimeFormat(language, parts).format(toDate(instant));
    } catch (ignored) {
      return String(instant || '');
    }
  }

  function renderJoinable() {
    var shown = state.joinable;
    if (!shown) {
      return;
    }
    var t = text();
    byId('join-loading').hidden = true;
    byId('join-none').hidden = shown.entries.length > 0;
    var list = byId('join-list');
    list.replaceChildren();
    shown.entries.forEach(function (entry) {
      var session = entry.session;
      var item = document.createElement('li');
      var time = document.createElement('span');
      time.className = 'join-time';
      time.textContent = format(t.joinTime, {start: clock(session.start, shown.zone, session.crossesMidnight),
        end: clock(session.end, shown.zone, session.crossesMidnight)});
      var title = document.createElement('span');
      title.className = 'join-title';
      title.textContent = sessionTitle(session);
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'primary';
      button.setAttribute('data-i18n', 'joinButton');
      button.textContent = t.joinButton;
      var message = document.createElement('p');
      message.className = 'join-message';
      message.setAttribute('role', 'status');
      message.textContent = shown.messages[session.id] || '';
      button.addEventListener('click', function () {
        join(session, button, message);
      });
      item.append(time, ' ', title, ' ', button, message);
      list.append(item);
    });
  }

  /** Fetches the caller's own join link (never stored) and opens it; a refusal is shown in the API's words. */
  function join(session, button, message) {
    var token = currentToken();
    if (!token) {
      sessionEnded();
      return;
    }
    setBusy(button, 'joining');
    message.textContent = '';
    call('GET', '/api/streaming/sessions/' + encodeURIComponent(session.id) + '/join', undefined, token)
      .then(function (answer) {
        setBusy(button, null);
        if (answer.status === 200 && answer.json && typeof answer.json.joinUrl === 'string') {
          var interpretation = answer.json.interpretation || {};
          if (interpretation.yourLanguage) {
            message.textContent = format(text().joinInterpretation, {language: languageName(interpretation.yourLanguage)});
          }
          window.location.assign(answer.json.joinUrl);
          return;
        }
        if (answer.status === 401) {
          sessionEnded();
          return;
        }
        message.textContent = problemDetail(answer) || text().joinUnavailable;
        state.joinable.messages[session.id] = message.textContent;
      });
  }

  // ---- messages in cards ----------------------------------------------------------------------

  /**
   * Renders a message card: {kind (text key), tone ('ok' or failed), detail and detailLanguage (the
   * API's own words, shown while the page is in the language they were asked in), hint (text key),
   * status and id (a received registration), unmatched (field errors without a field), retry}.
   */
  function renderCard(element, shown) {
    if (!shown) {
      element.hidden = true;
      element.replaceChildren();
      return;
    }
    var t = text();
    element.hidden = false;
    element.classList.toggle('ok', shown.tone === 'ok');
    element.classList.toggle('failed', shown.tone !== 'ok');
    element.replaceChildren();
    paragraph(element, shown.detail && shown.detailLanguage === language ? shown.detail : t[shown.kind]);
    if (shown.hint) {
      paragraph(element, t[shown.hint]);
    }
    if (shown.kind === 'received') {
      paragraph(element, shown.status === 'APPROVED' ? t.receivedApproved : t.receivedNext);
      var details = document.createElement('dl');
      details.className = 'details';
      addDetail(details, t.statusLabel, t.status[shown.status] || shown.status);
      addDetail(details, t.referenceLabel, shown.id);
      element.appendChild(details);
    }
    if (shown.unmatched && shown.unmatched.length) {
      var list = document.createElement('ul');
      shown.unmatched.forEach(function (problem) {
        var item = document.createElement('li');
        item.textContent = problem.field + ': ' + problem.message;
        list.appendChild(item);
      });
      element.appendChild(list);
    }
    if (shown.kind === 'duplicate' && shown.email) {
      // Lost link, or forgot having registered: the service mails the registration's message again
      // to the registered address only, and answers the same whether or not it is registered.
      var resend = document.createElement('button');
      resend.type = 'button';
      resend.className = 'secondary';
      resend.textContent = t.resendEmail;
      resend.addEventListener('click', function () {
        setBusy(resend, 'sending');
        call('POST', '/api/registrations/reminders', {email: shown.email, conferenceId: shown.conferenceId || null})
          .then(function (answer) {
          setBusy(resend, null);
            showCard(outcome, 'outcome', answer.status === 202 ? {kind: 'reminderSent', tone: 'ok'}
              : unreachable(answer) ? {kind: 'unavailable'} : {kind: 'failed'});
          });
      });
      element.appendChild(resend);
    }
    if (shown.retry) {
      var retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'secondary';
      retry.textContent = t.retry;
      retry.addEventListener('click', function () {
        showCard(meOutcome, 'meOutcome', null);
        loadMine(true);
      });
      element.appendChild(retry);
    }
  }

  function paragraph(parent, content) {
    var p = document.createElement('p');
    p.textContent = content;
    parent.appendChild(p);
    return p;
  }

  function addDetail(list, term, value) {
    var dt = document.createElement('dt');
    dt.textContent = term;
    var dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }

  /** Shows a card and moves the focus to it, so that keyboard and screen reader users land on the outcome. */
  function showCard(element, key, shown) {
    state[key] = shown;
    renderCard(element, shown);
    if (shown) {
      element.focus();
    }
  }

  // ---- registering ----------------------------------------------------------------------------

  function optional(value) {
    var trimmed = value.trim();
    return trimmed ? trimmed : null;
  }

  function registration() {
    var elements = form.elements;
    var interpretationNeeded = elements.interpretationNeeded.checked;
    var sponsorshipRequested = elements.sponsorshipRequested.checked;
    return {
      conferenceId: elements.conferenceId.value,
      fullName: elements.fullName.value.trim(),
      email: elements.email.value.trim(),
      organisation: elements.organisation.value.trim(),
      position: elements.position.value.trim(),
      city: elements.city.value.trim(),
      country: elements.country.value,
      attendanceMode: elements.attendanceMode.value,
      preferredLanguage: elements.preferredLanguage.value,
      interpretationNeeded: interpretationNeeded,
      interpretationLanguage: interpretationNeeded ? elements.interpretationLanguage.value : null,
      accessibilityNeeds: optional(elements.accessibilityNeeds.value),
      timeZone: optional(elements.timeZone.value),
      sponsorshipRequested: sponsorshipRequested,
      sponsorshipJustification: sponsorshipRequested ? optional(elements.sponsorshipJustification.value) : null,
      invitationCode: optional(elements.invitationCode.value),
      privacyConsent: elements.privacyConsent.checked
    };
  }

  function answerRegistration(answer) {
    var json = answer.json;
    var slug = problemSlug(answer);
    var show = function (shown) {
      showCard(outcome, 'outcome', shown);
    };
    if (answer.status === 201 || answer.status === 200) {
      show({kind: 'received', tone: 'ok', status: json && json.status, id: json && json.id});
      var registeredFor = form.elements.conferenceId.value;
      form.reset();
      form.elements.conferenceId.value = registeredFor;
      form.elements.preferredLanguage.value = language;
      preferredLanguageChosen = false;
      syncInterpretation();
      syncSponsorship();
    } else if (answer.status === 400) {
      show({kind: 'invalid', unmatched: registrationErrors.fromProblem(json)});
    } else if (answer.status === 403 && slug === 'invitation-required') {
      show({kind: 'invitationRequired', detail: problemDetail(answer), detailLanguage: answer.language});
    } else if (answer.status === 422 && slug === 'invitation-invalid') {
      show({kind: 'invitationInvalid', detail: problemDetail(answer), detailLanguage: answer.language,
        hint: 'invitationInvalidHint'});
    } else if (answer.status === 409 && (slug === 'duplicate-registration' || !slug)) {
      registrationErrors.show('email', 'emailRegistered');
      show({kind: 'duplicate', email: form.elements.email.value.trim(), conferenceId: form.elements.conferenceId.value});
    } else if (answer.status === 409 && slug === 'registration-closed') {
      show({kind: 'registrationClosed', detail: problemDetail(answer), detailLanguage: answer.language});
    } else if (answer.status === 413) {
      show({kind: 'tooLarge'});
    } else if (unreachable(answer)) {
      show({kind: 'unavailable'});
    } else {
      show({kind: 'failed', detail: problemDetail(answer), detailLanguage: answer.language});
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    registrationErrors.clear();
    var invalid = registrationErrors.check();
    if (invalid.length) {
      state.outcome = {kind: 'invalid'};
      renderCard(outcome, state.outcome);
      registrationErrors.focus(invalid[0]);
      return;
    }
    setBusy(submitButton, 'sending');
    call('POST', '/api/registrations', registration()).then(function (answer) {
      setBusy(submitButton, null);
      answerRegistration(answer);
    });
  });

  form.elements.preferredLanguage.addEventListener('change', function () {
    preferredLanguageChosen = true;
  });

  form.elements.conferenceId.addEventListener('change', function () {
    byId('conferenceId-hint').textContent = conferenceHint(conferenceById(form.elements.conferenceId.value));
  });

  /** An invitation link (?invitation=<code>) fills the read-only invitation code. */
  function takeInvitation() {
    var code = params.get('invitation');
    if (code) {
      var input = form.elements.invitationCode;
      input.defaultValue = code;
      input.value = code;
      byId('invitationCode-field').hidden = false;
    }
  }

  // ---- the participant token ------------------------------------------------------------------

  /** An instant from the API: an ISO-8601 text, or (if ever written as a number) seconds since 1970. */
  function toDate(value) {
    var date = typeof value === 'number' ? new Date(value * 1000)
      : typeof value === 'string' && value ? new Date(value) : null;
    return date && !isNaN(date.getTime()) ? date : null;
  }

  /**
   * The tokens of this tab: {current: conference id, byConference: {id: {token, expiresAt, registrationId,
   * conferenceId}}}. A token from before registrations had a conference is kept under the empty id.
   */
  function readAccesses() {
    var all = memoryAccess;
    if (!all) {
      try {
        all = JSON.parse(window.sessionStorage.getItem(TOKEN_KEY) || 'null');
      } catch (ignored) {
        all = null;
      }
    }
    if (all && typeof all.token === 'string') {
      all = {current: '', byConference: {'': all}};
    }
    if (!all || typeof all.byConference !== 'object' || all.byConference === null) {
      all = {current: '', byConference: {}};
    }
    return all;
  }

  function writeAccesses(all) {
    memoryAccess = all;
    try {
      window.sessionStorage.setItem(TOKEN_KEY, JSON.stringify(all));
    } catch (ignored) {
      // Without storage the tokens last as long as the page.
    }
  }

  /** Keeps the token of a registration and makes it the one shown. */
  function saveAccess(access) {
    var all = readAccesses();
    var key = access.conferenceId || '';
    all.byConference[key] = access;
    all.current = key;
    writeAccesses(all);
  }

  function usable(access) {
    var expiry = toDate(access && access.expiresAt);
    // An expiry the page cannot read is left to the API, which answers 401 once the token has expired.
    return !!access && typeof access.token === 'string' && !(expiry && expiry.getTime() <= Date.now());
  }

  /** The token of the registration shown, or null when there is none or it has expired. */
  function currentToken() {
    var all = readAccesses();
    Object.keys(all.byConference).forEach(function (key) {
      if (!usable(all.byConference[key])) {
        delete all.byConference[key];
      }
    });
    if (!all.byConference[all.current]) {
      all.current = Object.keys(all.byConference)[0];
    }
    writeAccesses(all);
    var access = all.current === undefined ? null : all.byConference[all.current];
    return access ? access.token : null;
  }

  /** Forgets the registration shown (its token no longer works); the others of this tab stay. */
  function forgetAccess() {
    var all = readAccesses();
    delete all.byConference[all.current];
    all.current = Object.keys(all.byConference)[0] || '';
    if (Object.keys(all.byConference).length) {
      writeAccesses(all);
      return;
    }
    forgetEveryAccess();
  }

  function forgetEveryAccess() {
    memoryAccess = null;
    try {
      window.sessionStorage.removeItem(TOKEN_KEY);
    } catch (ignored) {
      // Nothing stored.
    }
  }

  /** Shows another of this tab's registrations. */
  function switchTo(conferenceId) {
    var all = readAccesses();
    if (all.byConference[conferenceId]) {
      all.current = conferenceId;
      writeAccesses(all);
      showCard(meOutcome, 'meOutcome', null);
      loadMine(true);
    }
  }

  /** The list of this tab's registrations, one per conference, when there is more than one. */
  function renderMyConferences() {
    var all = readAccesses();
    var keys = Object.keys(all.byConference);
    var nav = byId('my-conferences');
    var list = byId('my-conferences-list');
    list.replaceChildren();
    nav.hidden = keys.length < 1 || meView.hidden;
    keys.forEach(function (key) {
      var item = document.createElement('li');
      var name = document.createElement('span');
      name.textContent = conferenceName(conferenceById(key), key);
      item.append(name);
      if (key === all.current) {
        item.setAttribute('aria-current', 'true');
      } else {
        var show = document.createElement('button');
        show.type = 'button';
        show.className = 'secondary';
        show.setAttribute('data-i18n', 'showRegistration');
        show.textContent = text().showRegistration;
        show.addEventListener('click', function () {
          switchTo(key);
        });
        item.append(' ', show);
      }
      list.append(item);
    });
  }

  function showView(which) {
    registerView.hidden = which !== 'register';
    meView.hidden = which !== 'me';
    renderMyConferences();
  }

  /** The personal link's code is spent once, for a token; it leaves the address bar at once. */
  function openAccessLink(code) {
    showView('me');
    byId('me-loading').hidden = false;
    call('POST', '/api/registrations/access-tokens', {code: code}).then(function (answer) {
      var json = answer.json;
      if (answer.status === 200 && json && typeof json.token === 'string') {
        saveAccess({token: json.token, expiresAt: json.expiresAt, registrationId: json.registrationId,
          conferenceId: json.conferenceId || ''});
        showCard(notice, 'notice', null);
        loadMine(true);
        return;
      }
      byId('me-loading').hidden = true;
      if (currentToken()) {
        loadMine(false);
      } else {
        showView('register');
      }
      showCard(notice, 'notice', unreachable(answer)
        ? {kind: 'linkUnavailable'}
        : {kind: 'linkInvalid', hint: 'linkInvalidHint'});
    });
  }

  function sessionEnded() {
    forgetAccess();
    state.me = null;
    showCard(meOutcome, 'meOutcome', null);
    showView('register');
    showCard(notice, 'notice', {kind: 'sessionEnded'});
  }

  // ---- my registration ------------------------------------------------------------------------

  /** Loads the caller's registration; resolves true when it is shown. */
  function loadMine(moveFocus) {
    var token = currentToken();
    if (!token) {
      sessionEnded();
      return Promise.resolve(false);
    }
    showView('me');
    byId('me-loading').hidden = false;
    return call('GET', '/api/registrations/me', undefined, token).then(function (answer) {
      byId('me-loading').hidden = true;
      if (answer.status === 200 && answer.json) {
        adoptLanguage(answer.json.preferredLanguage);
        setMine(answer.json);
        if (moveFocus) {
          byId('me-heading').focus();
        }
        return true;
      }
      if (answer.status === 401 || answer.status === 403 || answer.status === 404) {
        sessionEnded();
      } else {
        showCard(meOutcome, 'meOutcome', {kind: 'meUnavailable', retry: true});
      }
      return false;
    });
  }

  function setMine(view) {
    state.me = view;
    closeDecline(false);
    closeCancel(false);
    fillChanges(view);
    renderMine(view);
    loadJoinable(view);
  }

  function languageName(code) {
    return text().languageNames[code] || code || '';
  }

  /** A moment in the viewer's own time zone, written out in the page's language. */
  function formatMoment(instant) {
    var date = toDate(instant);
    if (!date) {
      return String(instant || '');
    }
    try {
      return new Intl.DateTimeFormat(language, {
        weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
        hour: 'numeric', minute: '2-digit', timeZoneName: 'short'
      }).format(date);
    } catch (ignored) {
      return date.toLocaleString();
    }
  }

  function renderMine(view) {
    var t = text();
    var status = String(view.status || '');
    byId('me-summary').hidden = false;
    var badge = byId('me-status');
    badge.textContent = t.status[status] || status;
    badge.className = 'badge status-' + status.toLowerCase();
    byId('me-status-explain').textContent = t.statusExplain[status] || '';

    var details = byId('me-details');
    details.replaceChildren();
    addDetail(details, t.conferenceLabel, conferenceName(conferenceById(view.conferenceId), view.conferenceId));
    addDetail(details, t.fullName, view.fullName || '');
    addDetail(details, t.email, view.email || '');
    addDetail(details, t.modeLabel, view.attendanceMode === 'IN_PERSON' ? t.inPerson
      : view.attendanceMode === 'REMOTE' ? t.remote : String(view.attendanceMode || ''));
    addDetail(details, t.languageLabel, languageName(view.preferredLanguage));
    addDetail(details, t.interpretationLabel, view.interpretationNeeded
      ? format(t.interpretationInto, {language: languageName(view.interpretationLanguage)})
      : t.interpretationNone);
    addDetail(details, t.accessibilityNeeds, view.accessibilityNeeds || t.notGiven);
    addDetail(details, t.timeZoneLabel, view.timeZone || t.notGiven);
    addDetail(details, t.rolesLabel, (Array.isArray(view.roles) ? view.roles : []).map(function (role) {
      return t.roles[role] || role;
    }).join(', '));
    addDetail(details, t.referenceLabel, view.id || '');

    var offered = status === 'OFFERED';
    byId('offer-card').hidden = !offered;
    byId('offer-question').textContent = format(t.offerQuestion, {time: formatMoment(view.offerReplyBy)});

    changes.hidden = OPEN.indexOf(status) < 0;
    // While an offer is open the attendance mode cannot change (the held place is for one mode).
    Array.prototype.forEach.call(changes.elements.attendanceMode, function (radio) {
      radio.disabled = offered;
    });
    byId('change-attendanceMode-note').textContent = offered ? t.offerOpen : t.modeChangeHint;

    byId('cancel-card').hidden = CANCELLABLE.indexOf(status) < 0;
  }

  function fillChanges(view) {
    var elements = changes.elements;
    changeErrors.clear();
    elements.attendanceMode.value = view.attendanceMode || '';
    elements.preferredLanguage.value = view.preferredLanguage || language;
    elements.interpretationNeeded.checked = !!view.interpretationNeeded;
    elements.interpretationLanguage.value = view.interpretationLanguage || '';
    syncChangeInterpretation();
    elements.accessibilityNeeds.value = view.accessibilityNeeds || '';
    elements.timeZone.value = view.timeZone || '';
    elements.timeZone.placeholder = deviceTimeZone();
  }

  /** Only what differs from the registration as shown; interpretationNeeded:false removes interpretation. */
  function changedFields(view) {
    var elements = changes.elements;
    var update = {};
    var mode = elements.attendanceMode.value;
    if (mode && mode !== view.attendanceMode) {
      update.attendanceMode = mode;
    }
    if (elements.preferredLanguage.value !== view.preferredLanguage) {
      update.preferredLanguage = elements.preferredLanguage.value;
    }
    var needed = elements.interpretationNeeded.checked;
    if (!needed && view.interpretationNeeded) {
      update.interpretationNeeded = false;
    } else if (needed && (!view.interpretationNeeded
        || elements.interpretationLanguage.value !== view.interpretationLanguage)) {
      update.interpretationNeeded = true;
      update.interpretationLanguage = elements.interpretationLanguage.value;
    }
    var needs = elements.accessibilityNeeds.value.trim();
    if (needs !== (view.accessibilityNeeds || '')) {
      update.accessibilityNeeds = needs;
    }
    var zone = elements.timeZone.value.trim();
    if (zone !== (view.timeZone || '')) {
      update.timeZone = zone;
    }
    return update;
  }

  function showMine(shown) {
    showCard(meOutcome, 'meOutcome', shown);
  }

  /** After a conflict: shows the registration as it is now, then says what happened. */
  function reloadThenSay(shown) {
    loadMine(false).then(function (shownAgain) {
      if (shownAgain) {
        showMine(shown);
      }
    });
  }

  /** What to do with an answer to a change, a cancellation or an offer reply that did not succeed. */
  function answerProblem(answer, errors) {
    var slug = problemSlug(answer);
    if (answer.status === 401) {
      sessionEnded();
    } else if (answer.status === 400 && errors) {
      showMine({kind: 'invalid', unmatched: errors.fromProblem(answer.json)});
    } else if (answer.status === 409 && slug === 'capacity-reached') {
      // Nothing changed: the mode goes back to the one the registration has.
      changes.elements.attendanceMode.value = state.me.attendanceMode;
      showMine({kind: 'capacityReached'});
    } else if (answer.status === 409 && slug === 'offer-open') {
      changes.elements.attendanceMode.value = state.me.attendanceMode;
      showMine({kind: 'offerOpen'});
    } else if (answer.status === 409 && slug === 'registration-closed') {
      reloadThenSay({kind: 'closed'});
    } else if (answer.status === 409 && slug === 'changed-concurrently') {
      reloadThenSay({kind: 'changedConcurrently'});
    } else if (answer.status === 409) {
      // e.g. an offer that expired meanwhile: the reloaded status says what the registration is now.
      reloadThenSay({kind: 'conflict'});
    } else if (unreachable(answer)) {
      showMine({kind: 'actionUnavailable'});
    } else {
      showMine({kind: 'failed', detail: problemDetail(answer), detailLanguage: answer.language});
    }
  }

  changes.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!state.me) {
      return;
    }
    changeErrors.clear();
    var invalid = changeErrors.check();
    if (invalid.length) {
      state.meOutcome = {kind: 'invalid'};
      renderCard(meOutcome, state.meOutcome);
      changeErrors.focus(invalid[0]);
      return;
    }
    var update = changedFields(state.me);
    if (!Object.keys(update).length) {
      showMine({kind: 'noChanges', tone: 'ok'});
      return;
    }
    var token = currentToken();
    if (!token) {
      sessionEnded();
      return;
    }
    setBusy(saveButton, 'saving');
    call('PATCH', '/api/registrations/me', update, token).then(function (answer) {
      setBusy(saveButton, null);
      if (answer.status === 200 && answer.json) {
        setMine(answer.json);
        showMine({kind: 'saved', tone: 'ok'});
      } else {
        answerProblem(answer, changeErrors);
      }
    });
  });

  /** Cancel, accept or decline: one POST without a body that answers the registration as it is now. */
  function act(path, doneKind) {
    var token = currentToken();
    if (!token) {
      sessionEnded();
      return;
    }
    var buttons = meView.querySelectorAll('button');
    Array.prototype.forEach.call(buttons, function (each) {
      each.disabled = true;
    });
    call('POST', path, undefined, token).then(function (answer) {
      Array.prototype.forEach.call(buttons, function (each) {
        each.disabled = false;
      });
      if (answer.status === 200 && answer.json) {
        setMine(answer.json);
        showMine({kind: doneKind, tone: 'ok'});
      } else {
        answerProblem(answer, null);
      }
    });
  }

  /**
   * A confirmation step: the button that asks hides its actions and shows the question; "no" goes
   * back (also with Escape) and returns the focus to the asking button.
   */
  function confirmation(ask, actions, panel, question, no) {
    function close(moveFocus) {
      panel.hidden = true;
      actions.hidden = false;
      if (moveFocus) {
        ask.focus();
      }
    }
    ask.addEventListener('click', function () {
      actions.hidden = true;
      panel.hidden = false;
      question.focus();
    });
    no.addEventListener('click', function () {
      close(true);
    });
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        close(true);
      }
    });
    return close;
  }

  var closeCancel = confirmation(byId('cancel-registration'), byId('cancel-actions'), byId('cancel-confirm'),
    byId('cancel-question'), byId('cancel-no'));
  var closeDecline = confirmation(byId('decline-offer'), byId('offer-actions'), byId('decline-confirm'),
    byId('decline-question'), byId('decline-no'));

  byId('cancel-yes').addEventListener('click', function () {
    act('/api/registrations/me/cancel', 'cancelledDone');
  });
  byId('accept-offer').addEventListener('click', function () {
    act('/api/registrations/me/offer/accept', 'offerAccepted');
  });
  byId('decline-yes').addEventListener('click', function () {
    act('/api/registrations/me/offer/decline', 'offerDeclined');
  });

  byId('register-another').addEventListener('click', function () {
    showView('register');
    byId('register-heading').focus();
  });

  byId('sign-out').addEventListener('click', function () {
    forgetEveryAccess();
    state.me = null;
    state.joinable = null;
    showCard(meOutcome, 'meOutcome', null);
    byId('me-summary').hidden = true;
    byId('join-card').hidden = true;
    showView('register');
    byId('register-heading').focus();
  });

  // ---- start ----------------------------------------------------------------------------------

  document.querySelectorAll('.languages button').forEach(function (button) {
    button.addEventListener('click', function () {
      var next = button.getAttribute('data-lang');
      languageChosen = true;
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch (ignored) {
        // Not remembering the choice is fine.
      }
      setLanguage(next);
    });
  });

  fillTimeZones();
  var zone = deviceTimeZone();
  form.elements.timeZone.defaultValue = zone;
  form.elements.timeZone.value = zone;
  takeInvitation();
  syncInterpretation();
  syncSponsorship();
  setLanguage(language);
  loadConferences().then(function (list) {
    conferences = list;
    fillConferences();
    renderMyConferences();
    if (state.me) {
      renderMine(state.me);
    }
  });

  var accessCode = params.get('access');
  if (accessCode !== null) {
    // The code works once: take it out of the address (and so out of history and bookmarks) first.
    params.delete('access');
    var rest = params.toString();
    window.history.replaceState(window.history.state, '',
      window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
    if (accessCode) {
      openAccessLink(accessCode);
    } else {
      showCard(notice, 'notice', {kind: 'linkInvalid', hint: 'linkInvalidHint'});
    }
  } else if (currentToken()) {
    loadMine(false);
  }
}());
