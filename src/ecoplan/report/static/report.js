// Language switch and charts of the ecoplan plan report. Both languages are in the page;
// one is shown at a time. Charts of a language are drawn the first time it is shown,
// because Plotly cannot size a chart inside a hidden element.
//
// The page opens in the language ecoplan ran in (LANG or --lang): that body is the one the
// page does not hide. A language chosen with the switch stays while the tab is open,
// reloads included (sessionStorage), so a report written later opens in its own language.
(function () {
  "use strict";

  var STORAGE_KEY = "ecoplan.report.lang";
  var LANGS = ["en", "zh_CN"];
  var HTML_LANG = { en: "en", zh_CN: "zh-CN" };
  var figures = JSON.parse(document.getElementById("chart-data").textContent);

  function defaultLanguage() {
    var shown = document.querySelector(".lang-body:not([hidden])");
    return shown ? shown.dataset.lang : LANGS[0];
  }

  function initialLanguage() {
    try {
      var stored = window.sessionStorage.getItem(STORAGE_KEY);
      if (LANGS.indexOf(stored) >= 0) {
        return stored;
      }
    } catch (error) {
      // Storage is off (strict file:// policy): open in the default language.
    }
    return defaultLanguage();
  }

  function drawCharts(body, lang) {
    body.querySelectorAll(".chart").forEach(function (element) {
      if (element.dataset.drawn) {
        window.Plotly.Plots.resize(element);
        return;
      }
      var figure = figures[lang][element.dataset.chart];
      if (!figure) {
        return;
      }
      window.Plotly.newPlot(element, figure.data, figure.layout,
        { displaylogo: false, responsive: true });
      element.dataset.drawn = "1";
    });
  }

  function show(lang, remember) {
    document.querySelectorAll(".lang-body").forEach(function (body) {
      var active = body.dataset.lang === lang;
      body.hidden = !active;
      if (active) {
        document.title = body.querySelector("h1").textContent + " — ecoplan";
        drawCharts(body, lang);
      }
    });
    document.querySelectorAll(".lang-switch button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
    });
    document.documentElement.lang = HTML_LANG[lang];
    if (!remember) {
      return;
    }
    try {
      window.sessionStorage.setItem(STORAGE_KEY, lang);
    } catch (error) {
      // Not remembered; the page still switches.
    }
  }

  document.querySelectorAll(".lang-switch button").forEach(function (button) {
    button.addEventListener("click", function () {
      show(button.dataset.lang, true);
    });
  });
  show(initialLanguage(), false);
})();
