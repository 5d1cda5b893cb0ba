// Language switch and charts of the ecoplan plan report. Both languages are in the page;
// one is shown at a time. Charts of a language are drawn the first time it is shown,
// because Plotly cannot size a chart inside a hidden element.
(function () {
  "use strict";

  var STORAGE_KEY = "ecoplan.report.lang";
  var LANGS = ["en", "zh_CN"];
  var HTML_LANG = { en: "en", zh_CN: "zh-CN" };
  var figures = JSON.parse(document.getElementById("chart-data").textContent);

  function initialLanguage() {
    try {
      var stored = window.localStorage.getItem(STORAGE_KEY);
      if (LANGS.indexOf(stored) >= 0) {
        return stored;
      }
    } catch (error) {
      // Storage is off (private mode, strict file:// policy): fall back to the browser.
    }
    var browser = (navigator.language || "").toLowerCase();
    return browser.indexOf("zh") === 0 ? "zh_CN" : "en";
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
      window.localStorage.setItem(STORAGE_KEY, lang);
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
