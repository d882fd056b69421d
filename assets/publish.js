// Publication form: sends the file with a progress bar (the form also works without script).
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || form.id !== "publish-form" || !window.FormData || !window.XMLHttpRequest) {
      return;
    }
    event.preventDefault();
    var box = document.getElementById("publish-progress-box");
    var bar = document.getElementById("publish-progress");
    var text = document.getElementById("publish-progress-text");
    var button = document.getElementById("publish-check");
    if (button) { button.disabled = true; }
    if (box) { box.hidden = false; }
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.addEventListener("progress", function (progress) {
      if (!progress.lengthComputable) { return; }
      var percent = Math.round((100 * progress.loaded) / progress.total);
      if (bar) { bar.value = percent; }
      if (text) { text.textContent = " Envoi du fichier : " + percent + " %"; }
      if (percent >= 100 && text) { text.textContent = " Fichier reçu, contrôle en cours…"; }
    });
    request.addEventListener("load", function () {
      if (request.status < 400 && request.responseURL) {
        window.location.assign(request.responseURL);
        return;
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", function () {
      if (text) { text.textContent = " Envoi impossible : vérifiez la connexion et recommencez."; }
      if (button) { button.disabled = false; }
    });
    if (text) { text.textContent = " Envoi du fichier…"; }
    request.send(new FormData(form));
  });
})();
