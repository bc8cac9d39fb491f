/*
 * Mailsource e-mail tracking snippet (readable source; the app generates the minified copy).
 *
 * After the visitor's first real interaction (pointer, key, scroll, touch) it shows them their own
 * tracking address in place of the site's main address, and reports only the token (or the pool
 * index) to the site's web analytics, never an address: GA4 redacts anything that looks like an
 * e-mail, and addresses are personal data. The address is never in the server's HTML, so
 * harvesters that read the page source only ever see the main address.
 *
 * Plain ES5 with explicit semicolons and no regular-expression literals: the app's minifier
 * relies on both. `/*@config*\/{}` at the end is replaced by the client's settings.
 */
(function (config) {
  "use strict";
  var w = window;
  var d = document;
  if (!config || !config.base || !config.base.length || w.mailsource) {
    return;
  }
  // Without a strong random source a token could be guessed: then show nothing new at all.
  if (!w.crypto || typeof w.crypto.getRandomValues !== "function") {
    return;
  }

  var ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  var TOKEN_RE = new RegExp("^[" + ALPHABET + "]{6,32}$");
  var POOL_RE = new RegExp("^p[0-9]{1,6}$");
  var KEY = config.key || "ms_et";
  var DAY_MS = 86400000;
  var EVENTS = ["pointerdown", "mousedown", "keydown", "scroll", "wheel", "touchstart", "mousemove"];
  var SKIP_TAGS = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEXTAREA: 1, TEMPLATE: 1 };
  var bases = [];
  var state = { value: null, address: null, active: false, reported: {} };
  var api = { version: 1, active: false };
  var i;

  for (i = 0; i < config.base.length; i++) {
    bases.push(String(config.base[i]).toLowerCase());
  }
  w.mailsource = api;

  function randomToken(length) {
    var bytes = new Uint8Array(length);
    var out = "";
    var k;
    w.crypto.getRandomValues(bytes);
    for (k = 0; k < length; k++) {
      // 32 symbols: the low five bits of a random byte are uniform.
      out += ALPHABET.charAt(bytes[k] & 31);
    }
    return out;
  }

  function randomIndex(count) {
    var buf = new Uint32Array(1);
    var limit = Math.floor(4294967296 / count) * count;
    do {
      w.crypto.getRandomValues(buf);
    } while (buf[0] >= limit);
    return buf[0] % count;
  }

  function readCookie() {
    var parts = d.cookie ? d.cookie.split(";") : [];
    var k;
    var part;
    for (k = 0; k < parts.length; k++) {
      part = parts[k].replace(new RegExp("^\\s+"), "");
      if (part.indexOf(KEY + "=") === 0) {
        try {
          return decodeURIComponent(part.substring(KEY.length + 1));
        } catch (e) {
          return null;
        }
      }
    }
    return null;
  }

  function readStored() {
    var raw = null;
    var item;
    try {
      raw = w.localStorage.getItem(KEY);
    } catch (e) {
      raw = null;
    }
    if (!raw) {
      raw = readCookie();
    }
    if (!raw) {
      return null;
    }
    item = raw.split("|");
    if (item.length !== 2 || !(Number(item[1]) > Date.now())) {
      return null;
    }
    return item[0];
  }

  function store(value) {
    var days = Number(config.days) > 0 ? Number(config.days) : 90;
    var raw = value + "|" + (Date.now() + days * DAY_MS);
    try {
      w.localStorage.setItem(KEY, raw);
    } catch (e) {
      // Storage blocked (private mode, policies): the cookie below still keeps the token.
    }
    try {
      d.cookie = KEY + "=" + encodeURIComponent(raw) + "; max-age=" + Math.round(days * 86400) +
        "; path=/; SameSite=Lax" + (w.location.protocol === "https:" ? "; Secure" : "");
    } catch (e) {
      // Cookies disabled: the token lasts for this page only.
    }
  }

  function isValid(value) {
    if (!value) {
      return false;
    }
    if (config.mode === "pool") {
      return POOL_RE.test(value) && Number(value.substring(1)) < config.pool.length;
    }
    return TOKEN_RE.test(value) && value.length >= (config.length || 8);
  }

  function chooseValue() {
    var value = readStored();
    if (!isValid(value)) {
      value = config.mode === "pool" ? "p" + randomIndex(config.pool.length) :
        randomToken(config.length || 8);
    }
    // Refreshing the expiry keeps a returning visitor on the same address.
    store(value);
    return value;
  }

  function addressFor(value) {
    if (config.mode === "pool") {
      return config.pool[Number(value.substring(1))];
    }
    if (config.style === "subdomain") {
      return value + "@" + config.tokenDomain;
    }
    return config.local + "+" + value + "@" + config.domain;
  }

  function replaceBases(text) {
    var lower = text.toLowerCase();
    var out = "";
    var pos = 0;
    var changed = false;
    var k;
    var at;
    var best;
    var bestLen;
    for (;;) {
      best = -1;
      bestLen = 0;
      for (k = 0; k < bases.length; k++) {
        at = lower.indexOf(bases[k], pos);
        if (at >= 0 && (best < 0 || at < best)) {
          best = at;
          bestLen = bases[k].length;
        }
      }
      if (best < 0) {
        break;
      }
      out += text.substring(pos, best) + state.address;
      pos = best + bestLen;
      changed = true;
    }
    return changed ? out + text.substring(pos) : null;
  }

  function rewriteLink(link) {
    var href = link.getAttribute("href") || "";
    var rest;
    var q;
    var target;
    if (href.substring(0, 7).toLowerCase() !== "mailto:") {
      return;
    }
    rest = href.substring(7);
    q = rest.indexOf("?");
    target = q >= 0 ? rest.substring(0, q) : rest;
    try {
      target = decodeURIComponent(target);
    } catch (e) {
      return;
    }
    if (bases.indexOf(target.toLowerCase()) < 0) {
      return;
    }
    // Keep ?subject=...&body=... the site put on the link.
    link.setAttribute("href", "mailto:" + state.address + (q >= 0 ? rest.substring(q) : ""));
  }

  function rewriteText(root) {
    var nodes = [];
    var walker;
    var node;
    var k;
    var next;
    if (root.nodeType === 3) {
      nodes.push(root);
    } else {
      walker = d.createTreeWalker(root, 4, null);
      node = walker.nextNode();
      while (node) {
        nodes.push(node);
        node = walker.nextNode();
      }
    }
    for (k = 0; k < nodes.length; k++) {
      node = nodes[k];
      if (node.parentNode && SKIP_TAGS[node.parentNode.nodeName]) {
        continue;
      }
      next = replaceBases(node.nodeValue || "");
      if (next !== null) {
        node.nodeValue = next;
      }
    }
  }

  function rewriteAttributes(root) {
    var names = ["data-email", "title", "aria-label"];
    var elements = root.querySelectorAll ?
      root.querySelectorAll("[data-email],[title],[aria-label]") : [];
    var k;
    var n;
    var value;
    var next;
    for (k = 0; k < elements.length; k++) {
      for (n = 0; n < names.length; n++) {
        value = elements[k].getAttribute(names[n]);
        next = value ? replaceBases(value) : null;
        if (next !== null) {
          elements[k].setAttribute(names[n], next);
        }
      }
    }
  }

  function rewrite(root) {
    var links;
    var targets;
    var k;
    if (root.nodeType === 1) {
      links = root.querySelectorAll("a[href]");
      if (root.nodeName === "A") {
        rewriteLink(root);
      }
      for (k = 0; k < links.length; k++) {
        rewriteLink(links[k]);
      }
    }
    if (config.selector) {
      // Only the places the user chose show the address as text.
      targets = [];
      try {
        if (root.nodeType === 1 && root.matches && root.matches(config.selector)) {
          targets.push(root);
        }
        if (root.querySelectorAll) {
          links = root.querySelectorAll(config.selector);
          for (k = 0; k < links.length; k++) {
            targets.push(links[k]);
          }
        }
      } catch (e) {
        // An invalid selector from the settings: leave the text alone rather than throw.
        targets = [];
      }
      for (k = 0; k < targets.length; k++) {
        rewriteText(targets[k]);
        rewriteAttributes(targets[k]);
      }
    } else if (root.nodeType === 1 || root.nodeType === 3) {
      rewriteText(root);
      if (root.nodeType === 1) {
        rewriteAttributes(root);
      }
    }
  }

  function observe() {
    var Observer = w.MutationObserver;
    if (!Observer) {
      return;
    }
    // Single-page apps and pop-ups add the address later: rewrite what they add.
    new Observer(function (records) {
      var r;
      var k;
      for (r = 0; r < records.length; r++) {
        for (k = 0; k < records[r].addedNodes.length; k++) {
          rewrite(records[r].addedNodes[k]);
        }
      }
    }).observe(d.body, { childList: true, subtree: true });
  }

  function page() {
    // A path, never the query string (it may hold personal data) and never an "@".
    return String(w.location.pathname || "/").split("@").join("%40").substring(0, 100);
  }

  function safe(params) {
    var key;
    for (key in params) {
      if (Object.prototype.hasOwnProperty.call(params, key) &&
          String(params[key]).indexOf("@") >= 0) {
        return false;
      }
    }
    return true;
  }

  function send(params, gaEvent, matomoAction, matomoName) {
    var gaParams = {};
    var key;
    if (!safe(params) || String(matomoName).indexOf("@") >= 0) {
      return;
    }
    if (config.metrica && typeof w.ym === "function") {
      try {
        w.ym(config.metrica, "params", params);
      } catch (e) {
        // A broken counter must not break the page.
      }
    }
    if (config.ga4 && typeof w.gtag === "function") {
      for (key in params) {
        if (Object.prototype.hasOwnProperty.call(params, key)) {
          gaParams[key] = params[key];
        }
      }
      if (config.ga4Id) {
        gaParams.send_to = config.ga4Id;
      }
      try {
        w.gtag("event", gaEvent, gaParams);
      } catch (e) {
        // As above.
      }
    }
    if (config.matomo && w._paq && typeof w._paq.push === "function") {
      try {
        if (config.matomoDimension && matomoAction === "shown") {
          w._paq.push(["setCustomDimension", config.matomoDimension, matomoName]);
        }
        w._paq.push(["trackEvent", "email_tracking", matomoAction, matomoName]);
      } catch (e) {
        // As above.
      }
    }
  }

  function reportShown() {
    var params = {};
    var value = state.value;
    if (config.mode === "pool") {
      params.ei = Number(value.substring(1));
      send(params, "email_shown", "shown", "pool-" + params.ei);
    } else {
      params.et = value;
      send(params, "email_shown", "shown", value);
    }
  }

  function reportContact(action) {
    var params = { ec: action, eu: page() };
    if (state.reported[action]) {
      return;
    }
    state.reported[action] = true;
    if (config.mode === "pool") {
      params.ei = Number(state.value.substring(1));
    } else {
      params.et = state.value;
    }
    send(params, "email_contact", action, params.eu);
  }

  function onClick(event) {
    var el = event.target;
    var href;
    while (el && el.nodeName !== "A") {
      el = el.parentNode;
    }
    href = el && el.getAttribute ? el.getAttribute("href") || "" : "";
    if (href.toLowerCase().indexOf("mailto:" + state.address.toLowerCase()) === 0) {
      reportContact("click");
    }
  }

  function onCopy() {
    var selection = w.getSelection ? String(w.getSelection()) : "";
    if (selection.toLowerCase().indexOf(state.address.toLowerCase()) >= 0) {
      reportContact("copy");
    }
  }

  function activate() {
    if (state.active) {
      return;
    }
    state.active = true;
    state.value = chooseValue();
    state.address = addressFor(state.value);
    rewrite(d.body);
    observe();
    d.addEventListener("click", onClick, true);
    d.addEventListener("copy", onCopy, true);
    api.active = true;
    reportShown();
  }

  function isRobot() {
    var agent = String(w.navigator.userAgent || "").toLowerCase();
    var marks = ["headless", "bot/", "bot;", "crawler", "spider", "slurp"];
    var k;
    if (w.navigator.webdriver === true) {
      return true;
    }
    for (k = 0; k < marks.length; k++) {
      if (agent.indexOf(marks[k]) >= 0) {
        return true;
      }
    }
    return false;
  }

  function onInteraction(event) {
    var k;
    // Synthetic events dispatched by scripts are not a person.
    if (event && event.isTrusted === false) {
      return;
    }
    for (k = 0; k < EVENTS.length; k++) {
      w.removeEventListener(EVENTS[k], onInteraction, true);
    }
    if (d.body) {
      activate();
    } else {
      d.addEventListener("DOMContentLoaded", activate);
    }
  }

  if (config.skipBots !== false && isRobot()) {
    api.skipped = "robot";
    return;
  }
  for (i = 0; i < EVENTS.length; i++) {
    w.addEventListener(EVENTS[i], onInteraction, { capture: true, passive: true });
  }
})(/*@config*/{});
