/*
 * Hybridconf participant portal: language switch and registration form.
 * Plain browser JavaScript, no framework, nothing loaded from elsewhere.
 * Texts live in index.html (#portal-messages), one block per conference language.
 */
(function () {
  'use strict';

  var LANGUAGES = ['en', 'fr', 'es'];
  var STORAGE_KEY = 'hybridconf.language';
  var FIELDS = ['fullName', 'email', 'organisation', 'country', 'attendanceMode', 'preferredLanguage', 'privacyConsent'];
  // ISO 3166-1 alpha-2; names are shown in the visitor's language by the browser (Intl.DisplayNames).
  var COUNTRIES = ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
    'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
    'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM ' +
    'IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
    'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG ' +
    'PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY ' +
    'SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW')
    .split(' ');

  var messages = JSON.parse(document.getElementById('portal-messages').textContent);
  var form = document.getElementById('registration');
  var outcome = document.getElementById('outcome');
  var submitButton = form.querySelector('button[type="submit"]');
  var language = initialLanguage();
  var preferredLanguageChosen = false;
  var shownOutcome = null;

  function initialLanguage() {
    // A link may name the language (?lang=fr), e.g. in an invitation written in that language.
    var requested = new URLSearchParams(window.location.search).get('lang');
    if (LANGUAGES.indexOf(requested) >= 0) {
      return requested;
    }
    try {
      var stored = window.localStorage.getItem(STORAGE_KEY);
      if (LANGUAGES.indexOf(stored) >= 0) {
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

  function setLanguage(next) {
    language = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch (ignored) {
      // Not remembering the choice is fine.
    }
    var t = text();
    document.documentElement.lang = next;
    document.title = t.title;
    document.querySelector('.languages').setAttribute('aria-label', t.languages);
    document.querySelectorAll('[data-i18n]').forEach(function (element) {
      element.textContent = t[element.getAttribute('data-i18n')];
    });
    document.querySelectorAll('.languages button').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === next));
    });
    if (!preferredLanguageChosen) {
      form.elements.preferredLanguage.value = next;
    }
    fillCountries();
    FIELDS.forEach(function (name) {
      var error = document.getElementById(name + '-error');
      if (!error.hidden) {
        error.textContent = t.fieldErrors[name];
      }
    });
    if (shownOutcome) {
      renderOutcome(shownOutcome);
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

  function showFieldError(name) {
    var error = document.getElementById(name + '-error');
    error.textContent = text().fieldErrors[name];
    error.hidden = false;
    var control = form.elements[name];
    var controls = control instanceof RadioNodeList ? Array.prototype.slice.call(control) : [control];
    controls.forEach(function (element) {
      element.setAttribute('aria-invalid', 'true');
    });
  }

  function clearFieldErrors() {
    FIELDS.forEach(function (name) {
      document.getElementById(name + '-error').hidden = true;
    });
    form.querySelectorAll('[aria-invalid]').forEach(function (element) {
      element.removeAttribute('aria-invalid');
    });
  }

  function invalidFields() {
    return FIELDS.filter(function (name) {
      var control = form.elements[name];
      if (control instanceof RadioNodeList) {
        return !control.value;
      }
      return !control.checkValidity() || (control.type === 'text' && !control.value.trim());
    });
  }

  function registration() {
    var elements = form.elements;
    return {
      fullName: elements.fullName.value.trim(),
      email: elements.email.value.trim(),
      organisation: elements.organisation.value.trim(),
      country: elements.country.value,
      attendanceMode: elements.attendanceMode.value,
      preferredLanguage: elements.preferredLanguage.value,
      privacyConsent: elements.privacyConsent.checked
    };
  }

  function renderOutcome(shown) {
    var t = text();
    outcome.hidden = false;
    outcome.className = 'card outcome ' + (shown.kind === 'received' ? 'ok' : 'failed');
    outcome.replaceChildren();
    var message = document.createElement('p');
    message.textContent = t[shown.kind];
    outcome.appendChild(message);
    if (shown.kind === 'received') {
      var details = document.createElement('dl');
      addDetail(details, t.statusLabel, t.status[shown.status] || shown.status);
      addDetail(details, t.referenceLabel, shown.id);
      outcome.appendChild(details);
    }
    if (shown.unmatched && shown.unmatched.length) {
      var list = document.createElement('ul');
      shown.unmatched.forEach(function (problem) {
        var item = document.createElement('li');
        item.textContent = problem.field + ': ' + problem.message;
        list.appendChild(item);
      });
      outcome.appendChild(list);
    }
  }

  function addDetail(list, term, value) {
    var dt = document.createElement('dt');
    dt.textContent = term;
    var dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }

  function show(shown) {
    shownOutcome = shown;
    renderOutcome(shown);
    outcome.scrollIntoView({block: 'nearest'});
  }

  function fieldProblems(problem) {
    var unmatched = [];
    (problem && Array.isArray(problem.errors) ? problem.errors : []).forEach(function (error) {
      var name = String(error.field || '').split(/[.[]/)[0];
      if (FIELDS.indexOf(name) >= 0) {
        showFieldError(name);
      } else {
        unmatched.push({field: String(error.field || ''), message: String(error.message || '')});
      }
    });
    return unmatched;
  }

  function answer(response) {
    return response.text().then(function (body) {
      var json = null;
      try {
        json = body ? JSON.parse(body) : null;
      } catch (ignored) {
        // Not JSON: judged by status alone.
      }
      if (response.status === 201 || response.status === 200) {
        show({kind: 'received', status: json && json.status, id: json && json.id});
        form.reset();
        form.elements.preferredLanguage.value = language;
        preferredLanguageChosen = false;
      } else if (response.status === 400) {
        show({kind: 'invalid', unmatched: fieldProblems(json)});
      } else if (response.status === 409) {
        showFieldError('email');
        show({kind: 'duplicate'});
      } else if (response.status === 413) {
        show({kind: 'tooLarge'});
      } else if (response.status >= 502 && response.status <= 504) {
        show({kind: 'unavailable'});
      } else {
        show({kind: 'failed'});
      }
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearFieldErrors();
    var invalid = invalidFields();
    if (invalid.length) {
      invalid.forEach(showFieldError);
      show({kind: 'invalid'});
      var first = form.elements[invalid[0]];
      (first instanceof RadioNodeList ? first[0] : first).focus();
      return;
    }
    submitButton.disabled = true;
    submitButton.textContent = text().sending;
    fetch('/api/registrations', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json'},
      body: JSON.stringify(registration())
    }).then(answer, function () {
      show({kind: 'unavailable'});
    }).finally(function () {
      submitButton.disabled = false;
      submitButton.textContent = text().submit;
    });
  });

  form.elements.preferredLanguage.addEventListener('change', function () {
    preferredLanguageChosen = true;
  });

  document.querySelectorAll('.languages button').forEach(function (button) {
    button.addEventListener('click', function () {
      setLanguage(button.getAttribute('data-lang'));
    });
  });

  setLanguage(language);
}());
